using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// A term, matched and scored as Lucene's <see cref="TermQuery"/> (the same weight, the same score), whose scorers read
/// its postings through the search's <see cref="TermStates"/>: the thread's terms enum and a postings enum it reuses,
/// where TermQuery makes both anew for every scorer.
/// </summary>
internal sealed class PooledTermQuery(Term term, TermStates states) : Query
{
    private readonly TermStates _states = states;

    public Term Term { get; } = term;

    public override Weight CreateWeight(IndexSearcher searcher) => new PooledTermWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(Term);

    public override string ToString(string field) =>
        (Term.Field == field ? "" : Term.Field + ":") + Term.Text + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is PooledTermQuery other && Boost == other.Boost && Term.Equals(other.Term);

    public override int GetHashCode() => HashCode.Combine(Boost, Term);

    private sealed class PooledTermWeight : Weight
    {
        private readonly PooledTermQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public PooledTermWeight(PooledTermQuery query, IndexSearcher searcher)
        {
            if (searcher.TopReaderContext != query._states.Top)
                throw new InvalidOperationException("the query's term states are of another reader than the searcher's");
            _query = query;
            _similarity = searcher.Similarity;
            var term = query.Term;
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(term.Field),
                searcher.TermStatistics(term, query._states.Of(term)));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost) => _stats.Normalize(queryNorm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs) =>
            _query._states.Docs(context, _query.Term, acceptDocs) is { } docs
                ? new PostingsScorer(this, docs, _similarity.GetSimScorer(_stats, context))
                : null;

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(scorer.Freq, "termFreq=" + scorer.Freq));
                var result = new ComplexExplanation(true, score.Value, $"weight({Query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>Lucene's TermScorer (internal to Lucene.Net): a document's score is BM25 of the term's frequency in it.</summary>
    private sealed class PostingsScorer(Weight weight, DocsEnum docs, Similarity.SimScorer score) : Scorer(weight)
    {
        public override int DocID => docs.DocID;
        public override int Freq => docs.Freq;
        public override int NextDoc() => docs.NextDoc();
        public override int Advance(int target) => docs.Advance(target);
        public override float GetScore() => score.Score(docs.DocID, docs.Freq);
        public override long GetCost() => docs.GetCost();
    }
}
