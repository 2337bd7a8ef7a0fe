using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Terms of one field at places relative to each other, matched and scored as Lucene's <see cref="PhraseQuery"/>: the
/// same weight, and per document the same frequency. With no slop that is the number of places the whole sequence
/// starts (<see cref="SequenceScorer"/>: a word as its bigrams in sequence); with a slop, each match within it counts
/// 1 / (1 + its length) (<see cref="ProximityScorer"/>: the query's words near each other). It reads the terms through
/// the search's <see cref="TermStates"/>, where PhraseQuery looks every term up again and makes a terms enum and a
/// postings enum for each.
/// </summary>
internal sealed class PooledPhraseQuery : Query
{
    private readonly string _field;
    private readonly Term[] _terms;
    private readonly int[] _positions;
    private readonly int _slop;
    private readonly TermStates _states;

    /// <param name="terms">The terms with their positions in the sequence (the first at 0), of one field.</param>
    /// <param name="slop">How many moves a match may be from the sequence; with a slop the terms must be distinct.</param>
    /// <param name="states">Where the search's terms are in the index it runs on.</param>
    public PooledPhraseQuery(IReadOnlyList<(Term Term, int Position)> terms, int slop, TermStates states)
    {
        if (terms.Count < 2) throw new ArgumentException("a phrase has two terms or more", nameof(terms));
        _field = terms[0].Term.Field;
        if (terms.Any(t => t.Term.Field != _field)) throw new ArgumentException("the terms are of one field", nameof(terms));
        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        // Lucene's sloppy scorer spends most of its 535 lines on repeated terms; PhraseQuery serves those.
        if (slop > 0 && terms.Select(t => t.Term).Distinct().Count() < terms.Count)
            throw new ArgumentException("with a slop, the terms are distinct", nameof(terms));
        _terms = [.. terms.Select(t => t.Term)];
        _positions = [.. terms.Select(t => t.Position)];
        _slop = slop;
        _states = states;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new PhraseWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms) terms.Add(term);
    }

    public override string ToString(string field) =>
        (field == _field ? "" : _field + ":") + "\"" + string.Join(' ', _terms.Select(t => t.Text)) + "\"" +
        (_slop > 0 ? "~" + _slop : "") + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is PooledPhraseQuery other && Boost == other.Boost && _slop == other._slop && _terms.SequenceEqual(other._terms) &&
        _positions.SequenceEqual(other._positions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(_slop);
        foreach (var term in _terms) hash.Add(term);
        foreach (var position in _positions) hash.Add(position);
        return hash.ToHashCode();
    }

    private sealed class PhraseWeight : Weight
    {
        private readonly PooledPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public PhraseWeight(PooledPhraseQuery query, IndexSearcher searcher)
        {
            if (searcher.TopReaderContext != query._states.Top)
                throw new InvalidOperationException("the query's term states are of another reader than the searcher's");
            _query = query;
            _similarity = searcher.Similarity;
            var termStats = query._terms.Select(term => searcher.TermStatistics(term, query._states.Of(term))).ToArray();
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query._field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost) => _stats.Normalize(queryNorm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var terms = _query._terms;
            // Every term is in the segment before any postings are read (the states say so without reading).
            if (terms.Any(term => _query._states.Of(term).Get(context.Ord) is null)) return null;
            var postings = new PhrasePostings[terms.Length];
            for (var i = 0; i < terms.Length; i++)
                postings[i] = new PhrasePostings(_query._states.Positions(context, terms[i], acceptDocs)!, _query._positions[i]);
            // As Lucene's PhraseWeight: the rarest term first (it leads the conjunction), then by place in the sequence.
            Array.Sort(postings, static (a, b) => a.DocFreq != b.DocFreq ? a.DocFreq.CompareTo(b.DocFreq) : a.Offset.CompareTo(b.Offset));
            var docScorer = _similarity.GetSimScorer(_stats, context);
            return _query._slop == 0
                ? new SequenceScorer(this, postings, docScorer)
                : new ProximityScorer(this, postings, _query._slop, docScorer);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer is ProximityScorer sloppy ? sloppy.SloppyFreq : scorer.Freq;
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, "phraseFreq=" + freq));
                var result = new ComplexExplanation(true, score.Value, $"weight({Query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }
}

/// <summary>A term's postings in a segment and its place in the phrase.</summary>
internal readonly record struct PhrasePostings(DocsAndPositionsEnum Enum, int Offset)
{
    /// <summary>A postings enum's cost is its term's document frequency in the segment.</summary>
    public int DocFreq => (int)Enum.GetCost();
}
