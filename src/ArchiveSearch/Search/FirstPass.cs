using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// What a query's first pass found, ranked, before a page is cut from it: what the result cache keeps, with how the
/// query read (<paramref name="Reading"/>, null when browsing) for the interpretation and the snippets of any page.
/// </summary>
internal sealed record FirstPass(TopDocs Top, FacetCounts Facets, string Match, int? MinimumMatch, string? Note,
    IReadOnlyList<string> Dropped, QueryReading? Reading)
{
    private QueryInterpretation? _interpretation;

    /// <summary>
    /// The bytes it takes on the heap, estimated from its parts: a ranked hit (a FieldDoc, or a ScoreDoc by relevance,
    /// and its slot) at most 48, a facet value 40 and its string, the records around them, and the reading. A facet value counts 20 and 3 a character more: the
    /// API keeps the facets encoded as JSON beside the entry, as long as it is held. The interpretation kept (below) and
    /// the API's encoding of it count 256, a quarter of the reading and 3 a character of the note: on the stream's 2,632
    /// distinct queries the encoding took 311 bytes on average (at most 744), and this came to 0.98–1.69 times it with
    /// the record's 200.
    /// </summary>
    public long Bytes { get; } = 512 + Top.ScoreDocs.Length * 48L
        + new[] { Facets.Section, Facets.Region, Facets.Year }.Sum(f => f.Sum(v => 40L + 24 + 2L * v.Value.Length + 20 + 3L * v.Value.Length))
        + (Note?.Length ?? 0) * 5L + Dropped.Sum(d => 32L + 2L * d.Length)
        + (Reading?.Bytes ?? 0) + 256 + (Reading?.Bytes ?? 0) / 4;

    /// <summary>
    /// How the request read, made by <paramref name="interpret"/> once for the text as typed (the key holds it folded) and
    /// the filters as asked: a repeat gets the same one, which the API keeps encoded beside the entry. On cached searches
    /// of the Zipf stream, making and encoding it again was 4% of the API's CPU. Two requests at once may each make one;
    /// they are equal, and the last one made is kept.
    /// </summary>
    public QueryInterpretation Interpretation(string? text, IReadOnlyList<string> sections, IReadOnlyList<string> regions,
        Func<QueryInterpretation> interpret)
    {
        var known = Volatile.Read(ref _interpretation);
        if (known is not null && known.Text == text && known.Sections.SequenceEqual(sections) && known.Regions.SequenceEqual(regions))
            return known;
        var made = interpret();
        Volatile.Write(ref _interpretation, made);
        return made;
    }
}
