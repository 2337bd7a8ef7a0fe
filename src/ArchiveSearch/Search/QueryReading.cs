using ArchiveSearch.Index;

namespace ArchiveSearch.Search;

/// <summary>
/// How a built query reads, all a cached first pass keeps of it (the Lucene queries themselves take 4–17 KB): the terms
/// and the words ignored, for the interpretation; the tokens snippets highlight; the years and places the text named,
/// which the bonuses prefer.
/// </summary>
internal sealed record QueryReading(
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<IReadOnlyList<AnalyzedToken>> Highlights,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> Places)
{
    /// <summary>
    /// The bytes it takes on the heap, estimated: 64 a record or list and 24 a string header, two a character, 24 a
    /// highlighted token beside its term.
    /// </summary>
    public long Bytes { get; } = 64 * 6
        + Terms.Sum(t => 3 * 64 + Chars(t.Text) + t.Tokens.Sum(Chars) + t.Synonyms.Sum(Chars))
        + Ignored.Sum(Chars)
        + Highlights.Sum(h => 64 + h.Sum(token => 24 + Chars(token.Term)))
        + 4L * Years.Count + Places.Sum(Chars);

    private static long Chars(string s) => 24 + 2L * s.Length;
}
