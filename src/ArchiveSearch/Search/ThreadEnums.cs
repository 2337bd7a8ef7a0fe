using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// One thread's terms and postings enums over a generation's reader, reused search after search as Lucene reuses a
/// thread's stored-fields reader. Lucene's TermQuery and PhraseQuery make a terms enum (its frames, arcs and buffers,
/// ~1 KiB) and a postings enum (its buffers and clones of the index's inputs, 2–5 KiB) for every term of every query
/// and segment, and a search runs several queries. The generation keeps one of these per thread
/// (<see cref="ServingGeneration.OpenGeneration.BorrowEnums"/>); a search borrows its thread's for as long as it runs
/// (<see cref="TermStates"/>), each scorer gets a postings enum no other scorer of the search holds, and they all come
/// back when the search is done.
/// </summary>
internal sealed class ThreadEnums(IndexReaderContext top)
{
    /// <summary>Postings enums kept per segment and field: a search rarely holds more of one field at once.</summary>
    private const int MaxKept = 16;

    private readonly Dictionary<(int Leaf, string Field), TermsEnum?> _terms = [];
    private readonly Dictionary<(int Leaf, string Field, bool Positions), Stack<DocsEnum>> _kept = [];
    private readonly List<((int Leaf, string Field, bool Positions) Key, DocsEnum Enum)> _lent = [];
    private bool _borrowed;

    /// <summary>The reader the enums read.</summary>
    public IndexReaderContext Top => top;

    /// <summary>These enums for one search, or enums of its own for a search that starts while these are borrowed.</summary>
    public ThreadEnums Borrow()
    {
        var enums = _borrowed ? new ThreadEnums(top) : this;
        enums._borrowed = true;
        return enums;
    }

    /// <summary>The search is done: the postings enums it was lent can be reset for the next one.</summary>
    public void GiveBack()
    {
        foreach (var (key, lent) in _lent)
        {
            if (!_kept.TryGetValue(key, out var kept)) _kept[key] = kept = new Stack<DocsEnum>();
            if (kept.Count < MaxKept) kept.Push(lent);
        }
        _lent.Clear();
        _borrowed = false;
    }

    /// <summary>The segment's terms enum for the field, positioned anywhere; null when no document has the field.</summary>
    public TermsEnum? Terms(AtomicReaderContext leaf, string field)
    {
        if (!_terms.TryGetValue((leaf.Ord, field), out var terms))
            _terms[(leaf.Ord, field)] = terms = leaf.AtomicReader.Fields?.GetTerms(field)?.GetEnumerator();
        return terms;
    }

    /// <summary>The term's documents and frequencies in the segment, where <paramref name="state"/> says they are.</summary>
    public DocsEnum Docs(AtomicReaderContext leaf, Term term, TermState state, IBits? acceptDocs)
    {
        var key = (leaf.Ord, term.Field, false);
        var docs = Seek(leaf, term, state).Docs(acceptDocs, Reusable(key));
        _lent.Add((key, docs));
        return docs;
    }

    /// <summary>The term's documents and positions in the segment; null when the field was indexed without positions.</summary>
    public DocsAndPositionsEnum? Positions(AtomicReaderContext leaf, Term term, TermState state, IBits? acceptDocs)
    {
        var key = (leaf.Ord, term.Field, true);
        var positions = Seek(leaf, term, state).DocsAndPositions(acceptDocs, Reusable(key) as DocsAndPositionsEnum, DocsAndPositionsFlags.NONE);
        if (positions is not null) _lent.Add((key, positions));
        return positions;
    }

    private TermsEnum Seek(AtomicReaderContext leaf, Term term, TermState state)
    {
        // A state was registered for this segment, so the segment has the field.
        var terms = Terms(leaf, term.Field)!;
        terms.SeekExact(term.Bytes, state);
        return terms;
    }

    /// <summary>An enum no scorer holds, for the codec to reset to the next term (or to replace when it cannot).</summary>
    private DocsEnum? Reusable((int Leaf, string Field, bool Positions) key) =>
        _kept.TryGetValue(key, out var kept) && kept.Count > 0 ? kept.Pop() : null;
}
