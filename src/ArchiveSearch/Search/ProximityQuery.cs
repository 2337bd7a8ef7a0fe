using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Distinct terms of one field within <c>slop</c> moves of the order given, matched and scored as Lucene's
/// <see cref="PhraseQuery"/> with that slop: the same weight, and per document the same sloppy frequency, each match
/// counting 1 / (1 + its length) as Lucene's SloppyPhraseScorer adds them up (ported here for terms that do not
/// repeat; PhraseQuery serves those that do). It reads the terms through the search's <see cref="TermStates"/>:
/// PhraseQuery looked every term up again and made a terms enum and a postings enum for each, on the bundled corpus
/// a third of what rewarding the query's words near each other cost.
/// </summary>
internal sealed class ProximityQuery : Query
{
    private readonly string _field;
    private readonly Term[] _terms;
    private readonly int[] _positions;
    private readonly int _slop;
    private readonly TermStates _states;

    /// <param name="terms">Distinct terms of one field, with their positions in the order given (the first at 0).</param>
    /// <param name="slop">How many moves a match may be from that order.</param>
    /// <param name="states">Where the search's terms are in the index it runs on.</param>
    public ProximityQuery(IReadOnlyList<(Term Term, int Position)> terms, int slop, TermStates states)
    {
        if (terms.Count < 2) throw new ArgumentException("proximity needs two terms or more", nameof(terms));
        _field = terms[0].Term.Field;
        if (terms.Any(t => t.Term.Field != _field)) throw new ArgumentException("the terms are of one field", nameof(terms));
        if (terms.Select(t => t.Term).Distinct().Count() < terms.Count) throw new ArgumentException("the terms are distinct", nameof(terms));
        if (slop < 1) throw new ArgumentOutOfRangeException(nameof(slop), slop, "a slop of 0 is an exact phrase");
        _terms = [.. terms.Select(t => t.Term)];
        _positions = [.. terms.Select(t => t.Position)];
        _slop = slop;
        _states = states;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new ProximityWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms) terms.Add(term);
    }

    public override string ToString(string field) =>
        (field == _field ? "" : _field + ":") + "\"" + string.Join(' ', _terms.Select(t => t.Text)) + "\"~" + _slop + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is ProximityQuery other && Boost == other.Boost && _slop == other._slop && _terms.SequenceEqual(other._terms) &&
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

    private sealed class ProximityWeight : Weight
    {
        private readonly ProximityQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public ProximityWeight(ProximityQuery query, IndexSearcher searcher)
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
            if (terms.Any(term => _query._states.Of(term).Get(context.Ord) is null)) return null;
            var postings = new Postings[terms.Length];
            for (var i = 0; i < terms.Length; i++)
                postings[i] = new Postings(_query._states.Positions(context, terms[i], acceptDocs)!, _query._positions[i]);
            // As PhraseWeight: the rarest term first, then by place in the order (the terms are distinct, so no ties).
            Array.Sort(postings, static (a, b) => a.DocFreq != b.DocFreq ? a.DocFreq.CompareTo(b.DocFreq) : a.Offset.CompareTo(b.Offset));
            return new ProximityScorer(this, postings, _query._slop, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is ProximityScorer scorer && scorer.Advance(doc) == doc)
            {
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(scorer.SloppyFreq, "phraseFreq=" + scorer.SloppyFreq));
                var result = new ComplexExplanation(true, score.Value, $"weight({Query} in {doc}) [{_similarity.GetType().Name}], result of:");
                result.AddDetail(score);
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>A term's postings and its offset in the order given.</summary>
    private readonly record struct Postings(DocsAndPositionsEnum Enum, int Offset)
    {
        /// <summary>A postings enum's cost is its term's document frequency.</summary>
        public int DocFreq => (int)Enum.GetCost();
    }

    /// <summary>
    /// Lucene's SloppyPhraseScorer for terms that do not repeat (its PhrasePositions as <see cref="Place"/>s in a
    /// cyclic list): the documents with every term, and in each the sum over its matches of 1 / (1 + match length)
    /// for the matches within the slop.
    /// </summary>
    private sealed class ProximityScorer : Scorer
    {
        private readonly Similarity.SimScorer _docScorer;
        private readonly int _slop;
        private readonly Place[] _places;
        /// <summary>Lucene's PhraseQueue: the places of the current document, the first by <see cref="Before"/> next.</summary>
        private readonly List<Place> _queue;
        private readonly long _cost;
        private Place _min;
        private Place _max;
        /// <summary>The largest position of any place in the current document.</summary>
        private int _end;
        private int _matches;

        public ProximityScorer(Weight weight, Postings[] postings, int slop, Similarity.SimScorer docScorer) : base(weight)
        {
            _docScorer = docScorer;
            _slop = slop;
            _cost = postings[0].Enum.GetCost();
            _places = [.. postings.Select((p, ord) => new Place(p.Enum, p.Offset, ord))];
            for (var i = 0; i < _places.Length; i++) _places[i].Next = _places[(i + 1) % _places.Length];
            (_min, _max) = (_places[0], _places[^1]);
            _queue = new List<Place>(_places.Length);
        }

        public float SloppyFreq { get; private set; }

        public override int DocID => _max.Doc;

        public override int Freq => _matches;

        public override float GetScore() => _docScorer.Score(_max.Doc, SloppyFreq);

        public override long GetCost() => _cost;

        public override int NextDoc() => Advance(_max.Doc + 1);

        public override int Advance(int target)
        {
            do
            {
                if (!AdvanceMin(target)) return NO_MORE_DOCS;
                while (_min.Doc < _max.Doc)
                {
                    if (!AdvanceMin(_max.Doc)) return NO_MORE_DOCS;
                }
                SloppyFreq = PhraseFreq();
                target = _min.Doc + 1;   // the next document, should this one have no match within the slop
            } while (SloppyFreq == 0f);
            return _max.Doc;
        }

        /// <summary>Moves the place furthest behind to <paramref name="target"/> or past it; it becomes the last.</summary>
        private bool AdvanceMin(int target)
        {
            _min.Doc = _min.Postings.Advance(target);
            if (_min.Doc == NO_MORE_DOCS)
            {
                _max.Doc = NO_MORE_DOCS;
                return false;
            }
            (_min, _max) = (_min.Next, _max.Next);
            return true;
        }

        private float PhraseFreq()
        {
            _end = int.MinValue;
            var queue = _queue;
            queue.Clear();
            for (Place place = _min, previous = null!; previous != _max; place = (previous = place).Next)
            {
                place.FirstPosition();
                if (place.Position > _end) _end = place.Position;
                queue.Add(place);
            }
            var freq = 0f;
            _matches = 0;
            var pp = Pop(queue);
            var matchLength = _end - pp.Position;
            var next = Top(queue).Position;
            while (AdvancePosition(pp))
            {
                if (pp.Position > next)   // done minimising the current match's length
                {
                    if (matchLength <= _slop)
                    {
                        freq += _docScorer.ComputeSlopFactor(matchLength);
                        _matches++;
                    }
                    queue.Add(pp);
                    pp = Pop(queue);
                    next = Top(queue).Position;
                    matchLength = _end - pp.Position;
                }
                else
                {
                    matchLength = Math.Min(matchLength, _end - pp.Position);
                }
            }
            if (matchLength <= _slop)
            {
                freq += _docScorer.ComputeSlopFactor(matchLength);
                _matches++;
            }
            return freq;
        }

        private bool AdvancePosition(Place place)
        {
            if (!place.NextPosition()) return false;
            if (place.Position > _end) _end = place.Position;
            return true;
        }

        /// <summary>Lucene's PhraseQueue order within a document: position, then offset, then ordinal.</summary>
        private static bool Before(Place a, Place b) =>
            a.Position != b.Position ? a.Position < b.Position : a.Offset != b.Offset ? a.Offset < b.Offset : a.Ord < b.Ord;

        private static Place Top(List<Place> queue)
        {
            var top = queue[0];
            for (var i = 1; i < queue.Count; i++)
                if (Before(queue[i], top)) top = queue[i];
            return top;
        }

        private static Place Pop(List<Place> queue)
        {
            var top = Top(queue);
            queue.Remove(top);
            return top;
        }
    }

    /// <summary>Lucene's PhrasePositions: where a term stands in the current document, less its offset.</summary>
    private sealed class Place(DocsAndPositionsEnum postings, int offset, int ord)
    {
        public DocsAndPositionsEnum Postings => postings;
        public int Offset => offset;
        public int Ord => ord;
        public int Doc { get; set; } = -1;
        public int Position { get; private set; }
        private int _remaining;
        public Place Next { get; set; } = null!;

        public void FirstPosition()
        {
            _remaining = postings.Freq;
            NextPosition();
        }

        public bool NextPosition()
        {
            if (_remaining-- <= 0) return false;
            Position = postings.NextPosition() - offset;
            return true;
        }
    }
}
