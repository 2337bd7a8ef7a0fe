using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// Adds a bonus query's score to the first-pass hits it matches and re-sorts them. Lucene.Net's QueryRescorer
/// does the same but fails on a segment where the bonus matches nothing (a null scorer) and on an empty page.
/// </summary>
internal static class BonusRescorer
{
    public static TopDocs Rescore(IndexSearcher searcher, TopDocs firstPass, Query bonus)
    {
        if (firstPass.ScoreDocs.Length == 0) return firstPass;
        var hits = firstPass.ScoreDocs.Select(h => new ScoreDoc(h.Doc, h.Score)).OrderBy(h => h.Doc).ToArray();
        var weight = searcher.CreateNormalizedWeight(bonus);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var leafEnd = 0;
        Scorer? scorer = null;
        foreach (var hit in hits)
        {
            // Hits are in doc id order, so each segment's scorer is created once and only moves forward.
            while (hit.Doc >= leafEnd)
            {
                leaf++;
                leafEnd = leaves[leaf].DocBase + leaves[leaf].Reader.MaxDoc;
                scorer = weight.GetScorer(leaves[leaf], null);
            }
            if (scorer is null) continue;
            var target = hit.Doc - leaves[leaf].DocBase;
            var at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (at == target) hit.Score += scorer.GetScore();
        }
        Array.Sort(hits, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return new TopDocs(firstPass.TotalHits, hits, hits[0].Score);
    }
}
