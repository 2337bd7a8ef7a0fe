using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// Adds a bonus query's score to the first-pass hits it matches and re-sorts them, equal scores by the articles'
/// ordinals as the first pass does. Lucene.Net's QueryRescorer does the same but fails on a segment where the
/// bonus matches nothing (a null scorer) and on an empty page.
/// </summary>
internal static class BonusRescorer
{
    public static TopDocs Rescore(IndexSearcher searcher, TopDocs firstPass, Query bonus)
    {
        if (firstPass.ScoreDocs.Length == 0) return firstPass;
        var hits = firstPass.ScoreDocs.Select(h => new ScoreDoc(h.Doc, h.Score)).OrderBy(h => h.Doc).ToArray();
        var ordinals = new long[hits.Length];
        var weight = searcher.CreateNormalizedWeight(bonus);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var leafEnd = 0;
        Scorer? scorer = null;
        NumericDocValues? ordinal = null;
        for (var i = 0; i < hits.Length; i++)
        {
            var hit = hits[i];
            // Hits are in doc id order, so each segment's scorer is created once and only moves forward.
            while (hit.Doc >= leafEnd)
            {
                leaf++;
                leafEnd = leaves[leaf].DocBase + leaves[leaf].Reader.MaxDoc;
                scorer = weight.GetScorer(leaves[leaf], null);
                ordinal = leaves[leaf].AtomicReader.GetNumericDocValues(ArticleFields.Ordinal);
            }
            var target = hit.Doc - leaves[leaf].DocBase;
            ordinals[i] = ordinal?.Get(target) ?? hit.Doc;
            if (scorer is null) continue;
            var at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (at == target) hit.Score += scorer.GetScore();
        }
        var order = Enumerable.Range(0, hits.Length)
            .OrderByDescending(i => hits[i].Score).ThenBy(i => ordinals[i])
            .Select(i => hits[i]).ToArray();
        return new TopDocs(firstPass.TotalHits, order, order[0].Score);
    }
}
