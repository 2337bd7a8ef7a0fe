using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ArchiveSearch.Search;

/// <summary>
/// Lucene's SloppyPhraseScorer for terms that do not repeat (its PhrasePositions as <see cref="Place"/>s in a
/// cyclic list): the documents with every term, and in each the sum over its matches of 1 / (1 + match length)
/// for the matches within the slop.
/// </summary>
internal sealed class ProximityScorer : Scorer
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

    public ProximityScorer(Weight weight, PhrasePostings[] postings, int slop, Similarity.SimScorer docScorer) : base(weight)
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

    private static Place Top(List<Place> queue) => queue[TopIndex(queue)];

    private static int TopIndex(List<Place> queue)
    {
        var top = 0;
        for (var i = 1; i < queue.Count; i++)
            if (Before(queue[i], queue[top])) top = i;
        return top;
    }

    /// <summary>
    /// Takes the first place out, the last filling its slot: the queue is scanned whole for its first, so its order does
    /// not matter, and <c>List.Remove</c> searched it again through the places' equality.
    /// </summary>
    private static Place Pop(List<Place> queue)
    {
        var index = TopIndex(queue);
        var top = queue[index];
        queue[index] = queue[^1];
        queue.RemoveAt(queue.Count - 1);
        return top;
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
