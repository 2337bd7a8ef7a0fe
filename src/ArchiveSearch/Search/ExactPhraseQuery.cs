using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Terms at fixed positions relative to each other (a word as its bigrams in sequence), matched and scored as
/// Lucene's <see cref="PhraseQuery"/> with no slop: the same weight, and per document the number of places the whole
/// sequence occurs as the frequency BM25 scores. Lucene.Net's scorer for that case (ExactPhraseScorer) allocates two
/// arrays of 4,096 ints for every query and segment whatever the documents' length; words are matched this way in
/// the title and the body, so on the bundled corpus those arrays were most of what a search allocated. This one
/// intersects each matching document's positions in buffers sized to them, as Lucene 5 and later do.
/// </summary>
internal sealed class ExactPhraseQuery : Query
{
    private readonly string _field;
    private readonly Term[] _terms;
    private readonly int[] _positions;
    private readonly TermStates _states;

    /// <param name="terms">The terms with their positions in the sequence (the first at 0), of one field.</param>
    /// <param name="states">Where the search's terms are in the index it runs on.</param>
    public ExactPhraseQuery(IReadOnlyList<(Term Term, int Position)> terms, TermStates states)
    {
        if (terms.Count < 2) throw new ArgumentException("a sequence has two terms or more", nameof(terms));
        _field = terms[0].Term.Field;
        if (terms.Any(t => t.Term.Field != _field)) throw new ArgumentException("the terms are of one field", nameof(terms));
        _terms = [.. terms.Select(t => t.Term)];
        _positions = [.. terms.Select(t => t.Position)];
        _states = states;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new SequenceWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms) terms.Add(term);
    }

    public override string ToString(string field) =>
        (field == _field ? "" : _field + ":") + "\"" + string.Join(' ', _terms.Select(t => t.Text)) + "\"" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is ExactPhraseQuery other && Boost == other.Boost && _terms.SequenceEqual(other._terms) && _positions.SequenceEqual(other._positions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        foreach (var term in _terms) hash.Add(term);
        foreach (var position in _positions) hash.Add(position);
        return hash.ToHashCode();
    }

    private sealed class SequenceWeight : Weight
    {
        private readonly ExactPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext[] _states;

        public SequenceWeight(ExactPhraseQuery query, IndexSearcher searcher)
        {
            if (searcher.TopReaderContext != query._states.Top)
                throw new InvalidOperationException("the query's term states are of another reader than the searcher's");
            _query = query;
            _similarity = searcher.Similarity;
            _states = new TermContext[query._terms.Length];
            var termStats = new TermStatistics[query._terms.Length];
            for (var i = 0; i < query._terms.Length; i++)
            {
                _states[i] = query._states.Of(query._terms[i]);
                termStats[i] = searcher.TermStatistics(query._terms[i], _states[i]);
            }
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query._field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float queryNorm, float topLevelBoost) => _stats.Normalize(queryNorm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // Every term is in the segment before any postings are read (the states say so without reading).
            if (_states.Any(state => state.Get(context.Ord) is null)) return null;
            var postings = new (DocsAndPositionsEnum Enum, int DocFreq, int Position)[_query._terms.Length];
            for (var i = 0; i < postings.Length; i++)
            {
                var positions = _query._states.Positions(context, _query._terms[i], acceptDocs)!;
                postings[i] = (positions, (int)positions.GetCost(), _query._positions[i]);   // the cost is the term's docFreq
            }
            // The rarest term leads the conjunction.
            Array.Sort(postings, (a, b) => a.DocFreq.CompareTo(b.DocFreq));
            return new SequenceScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(scorer.Freq, "phraseFreq=" + scorer.Freq));
                var result = new ComplexExplanation(true, score.Value, $"weight({Query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>
    /// The documents with every term (the rarest leading), kept when the terms' positions, each less its place in
    /// the sequence, have values in common: the sequence's starts, whose count is the frequency.
    /// </summary>
    private sealed class SequenceScorer(Weight weight, (DocsAndPositionsEnum Enum, int DocFreq, int Position)[] postings,
        Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private int _doc = -1;
        private int _freq;
        private int[] _starts = new int[16];
        private int[] _next = new int[16];

        public override int DocID => _doc;

        public override int Freq => _freq;

        public override float GetScore() => docScorer.Score(_doc, _freq);

        public override long GetCost() => postings[0].Enum.GetCost();

        public override int NextDoc() => Settle(postings[0].Enum.NextDoc());

        public override int Advance(int target) => Settle(postings[0].Enum.Advance(target));

        /// <summary>From the lead's document on, the first document with every term in sequence.</summary>
        private int Settle(int doc)
        {
            while (doc != NO_MORE_DOCS)
            {
                var candidate = doc;
                for (var i = 1; i < postings.Length; i++)
                {
                    var other = postings[i].Enum;
                    var at = other.DocID < candidate ? other.Advance(candidate) : other.DocID;
                    if (at > candidate)
                    {
                        candidate = at;
                        break;
                    }
                }
                if (candidate == doc && (_freq = Starts()) > 0) return _doc = doc;
                doc = candidate == doc ? postings[0].Enum.NextDoc() : postings[0].Enum.Advance(candidate);
            }
            return _doc = NO_MORE_DOCS;
        }

        /// <summary>How many places the whole sequence starts at in the current document.</summary>
        private int Starts()
        {
            var count = Read(postings[0], ref _starts);
            for (var i = 1; i < postings.Length && count > 0; i++)
            {
                var length = Read(postings[i], ref _next);
                count = Intersect(_starts, count, _next, length);
            }
            return count;
        }

        /// <summary>A term's positions in the current document less its place in the sequence, ascending.</summary>
        private static int Read((DocsAndPositionsEnum Enum, int DocFreq, int Position) term, ref int[] buffer)
        {
            var freq = term.Enum.Freq;
            if (buffer.Length < freq) buffer = new int[ArrayUtil.Oversize(freq, sizeof(int))];
            for (var i = 0; i < freq; i++) buffer[i] = term.Enum.NextPosition() - term.Position;
            return freq;
        }

        /// <summary>Keeps in <paramref name="a"/> the values both ascending runs hold; their count.</summary>
        private static int Intersect(int[] a, int aLength, int[] b, int bLength)
        {
            var (i, j, kept) = (0, 0, 0);
            while (i < aLength && j < bLength)
            {
                if (a[i] < b[j]) i++;
                else if (a[i] > b[j]) j++;
                else
                {
                    a[kept++] = a[i];
                    i++;
                    j++;
                }
            }
            return kept;
        }
    }
}
