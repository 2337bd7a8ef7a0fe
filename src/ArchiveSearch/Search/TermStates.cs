using Lucene.Net.Index;

namespace ArchiveSearch.Search;

/// <summary>
/// Where each term of one search is in the index (per segment) and its statistics, looked up once for all the queries
/// the search runs: the strict query, each term alone, the relaxed step and the bonuses all hold the same words, and
/// every query built its own (a seek in the terms dictionary and about 6 KiB per term and query).
/// </summary>
internal sealed class TermStates(IndexReaderContext top)
{
    private readonly Dictionary<Term, TermContext> _states = [];

    /// <summary>The reader the states are of: a query holding them runs on a searcher over it, and no other.</summary>
    public IndexReaderContext Top => top;

    public TermContext Of(Term term)
    {
        if (!_states.TryGetValue(term, out var state)) _states[term] = state = TermContext.Build(top, term);
        return state;
    }
}
