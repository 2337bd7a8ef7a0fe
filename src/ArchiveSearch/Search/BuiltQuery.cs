using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>A term the query requires: its query, its text, its role in relaxation, and where it stands in its chunk (-1: not in a chunk).</summary>
internal sealed record QueryPart(Query Query, string Text, TermRole Role, int Chunk, int Start, int End);

/// <summary>
/// A built query: required terms, exclusions and score-only bonuses, composed at a chosen strictness, and how it reads
/// (<see cref="QueryReading"/>). <paramref name="Relaxable"/> is false when the person typed AND: they asked for every
/// term, so the searcher must not fall back to "most of them".
/// </summary>
internal sealed record BuiltQuery(
    IReadOnlyList<QueryPart> Parts,
    IReadOnlyList<string> Chunks,
    IReadOnlyList<Query> Excluded,
    IReadOnlyList<Query> Bonus,
    QueryReading Reading,
    bool Relaxable)
{
    private const float EveryTermBoost = 4f;
    /// <summary>
    /// When any one topic word will do, what words found together as typed (工业软件) weigh against one of them alone
    /// (工业): at 1 a title with 工业 alone outranked the plans that develop 工业软件.
    /// </summary>
    private const float GroupBoost = 3f;

    /// <summary>How many terms the strict query requires: every one but the years.</summary>
    public int RequiredCount => Parts.Count(p => p.Role != TermRole.Year);

    /// <summary>
    /// The query requiring every term: what decides which articles match. A year is left to its bonus, which
    /// prefers articles dated in it, when there is anything else: an article may date itself another way, and
    /// scoring 2022 / 年 as a phrase on every match was 18% of the query's allocations at 10k articles. The bonuses
    /// are left to <see cref="BonusQuery"/>.
    /// </summary>
    public Query Compose()
    {
        var core = new BooleanQuery();
        var onlyYears = RequiredCount == 0;
        foreach (var part in Parts.Where(p => p.Role != TermRole.Year || onlyYears)) core.Add(part.Query, Occur.MUST);
        if (Parts.Count == 0) core.Add(new MatchAllDocsQuery(), Occur.MUST);
        foreach (var query in Excluded) core.Add(query, Occur.MUST_NOT);
        return core;
    }

    /// <summary>
    /// A relaxed query over <paramref name="terms"/> (single words or groups relaxation keeps whole) at one level:
    /// the articles it finds, and every article the strict query finds (<paramref name="strictFound"/>: it found any).
    /// The level's AnyOf are single words (parts).
    /// </summary>
    public Query Compose(RelaxationTerms terms, RelaxationLevel level, bool strictFound)
    {
        var relaxed = new BooleanQuery();
        foreach (var i in level.Required) relaxed.Add(terms.Queries[i], Occur.MUST);
        if (level.AnyOf.Count > 0)
        {
            var any = new AnyOfQuery();
            foreach (var i in level.AnyOf) any.Add(Parts[i].Query, Occur.SHOULD);
            relaxed.Add(any, Occur.MUST);
        }
        foreach (var i in level.Dropped)
            relaxed.Add(level.AnyOf.Count > 0 && terms.Sizes[i] > 1 ? Boosted(terms.Queries[i], GroupBoost) : terms.Queries[i], Occur.SHOULD);

        // Relaxing adds articles after the ones with every term; it should not reorder them below, nor lose one
        // (a group kept whole is stricter than its words apart). BM25 has no coordination factor, so a partial
        // match with a frequent word would outrank a full match with rare ones: the strict query, boosted, puts
        // (1 + boost) × their score on full matches. When the strict query found nothing it adds nothing but its cost, a
        // second scorer over every word: three queries whose words no article has together took 6-8% less time without.
        var either = new BooleanQuery { { relaxed, Occur.SHOULD } };
        if (strictFound)
        {
            var every = Compose();
            every.Boost = EveryTermBoost;
            either.Add(every, Occur.SHOULD);
        }
        foreach (var query in Excluded) either.Add(query, Occur.MUST_NOT);
        return either;
    }

    private static BooleanQuery Boosted(Query query, float boost)
    {
        var boosted = new BooleanQuery { { query, Occur.MUST } };
        boosted.Boost = boost;
        return boosted;
    }

    /// <summary>
    /// The bonus queries (verbatim chunk, words near each other) as one, or null when there are none; the years and
    /// places the query names are bonuses too (<see cref="QueryReading"/>), which the rescorer adds itself. They only
    /// reorder the best first-pass hits, so the searcher adds them to those alone rather than scoring every match.
    /// </summary>
    public Query? BonusQuery() => AnyOf(Bonus);

    /// <summary>The articles any exclusion rules out, as one query, or null when there are none.</summary>
    public Query? ExcludedQuery() => AnyOf(Excluded);

    private static AnyOfQuery? AnyOf(IReadOnlyList<Query> queries)
    {
        if (queries.Count == 0) return null;
        var any = new AnyOfQuery();
        foreach (var query in queries) any.Add(query, Occur.SHOULD);
        return any;
    }
}
