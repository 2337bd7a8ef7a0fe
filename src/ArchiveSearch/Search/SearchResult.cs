using ArchiveSearch.Ingest;

namespace ArchiveSearch.Search;

/// <summary>One page of hits with the total, facet counts and how the query was understood.</summary>
public sealed record SearchResult(
    QueryInterpretation Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    FacetCounts Facets);

/// <summary>A hit: the article without its body, its score and a snippet (HTML-escaped, matches in &lt;em&gt;).</summary>
public sealed record SearchHit(Article Article, float Score, string? Snippet);

public sealed record FacetValue(string Value, int Count);

public sealed record FacetCounts(
    IReadOnlyList<FacetValue> Section,
    IReadOnlyList<FacetValue> Region,
    IReadOnlyList<FacetValue> Year);

/// <summary>
/// A query term as the index sees it: the user's text, SmartCn's segmentation, and the synonyms also searched.
/// <paramref name="Kind"/> is <c>word</c>, <c>phrase</c>, <c>excluded</c> or <c>year</c> (2022年: not required, it
/// prefers articles dated in that year).
/// </summary>
public sealed record QueryTerm(string Text, string Kind, IReadOnlyList<string> Tokens, IReadOnlyList<string> Synonyms);

/// <summary>
/// How a request was understood, so a person can see why something matched or did not.
/// <paramref name="Match"/> is <c>all</c> (every term required), <c>relaxed</c> (at least
/// <paramref name="MinimumMatch"/> of the terms, because requiring all found too little), <c>browse</c>
/// (no query: filters only) or <c>none</c> (nothing searchable was left). <paramref name="Normalized"/> is the
/// query as searched when folding changed it (科技創新 → 科技创新, ＡＩ → AI), null otherwise. <paramref name="Dropped"/> are the
/// terms a relaxed query stopped requiring, in the order it gave them up (they still count towards the score);
/// <paramref name="Years"/> and <paramref name="Places"/> are the years and region tags the text named, whose
/// articles rank higher (a boost, not a filter).
/// </summary>
public sealed record QueryInterpretation(
    string? Text,
    string? Normalized,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlyList<string> Ignored,
    string Match,
    int? MinimumMatch,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Regions,
    DateOnly? From,
    DateOnly? To,
    string Sort,
    string? Note,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> Places);
