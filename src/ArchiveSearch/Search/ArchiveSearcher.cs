using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace ArchiveSearch.Search;

/// <summary>
/// Answers queries over the serving generation (<see cref="ServingGeneration"/>): search with relaxation, rescoring,
/// paging and facets; whole articles; similar articles; the archive's facet counts.
/// </summary>
public sealed class ArchiveSearcher : IDisposable
{
    /// <summary>Fewer hits than this with every term required counts as "little", and the query is relaxed.</summary>
    private const int RelaxBelow = 3;
    private const int SimilarCount = 5;
    /// <summary>How many of the best first-pass hits the bonuses reorder (at least; a deeper page reorders down to it).</summary>
    private const int RescoreWindow = 100;

    private readonly ServingGeneration _serving;
    private readonly SearchCache _cache;

    /// <param name="logger">Where the poll reports a generation it cannot open; none by default.</param>
    /// <param name="cache">The result, page and filter caches' settings; on, 64 MiB, by default.</param>
    public ArchiveSearcher(string indexDir, TimeSpan? pollInterval = null, ILogger? logger = null, SearchCacheSettings? cache = null)
    {
        _cache = new SearchCache(cache ?? new SearchCacheSettings());
        _serving = new ServingGeneration(indexDir, pollInterval, logger);
    }

    /// <summary>The serving generation's folder name, or null before the first index exists.</summary>
    public string? Generation => _serving.Name;

    public int DocumentCount
    {
        get
        {
            using var lease = _serving.Acquire();
            return lease.Generation.Reader.NumDocs;
        }
    }

    /// <summary>Opens the generation the pointer names if it is not the one serving. True when it switched.</summary>
    public bool Refresh() => _serving.Refresh();

    /// <exception cref="SearchRequestException">The request or its query is invalid.</exception>
    /// <exception cref="IndexNotReadyException">No index has been published yet.</exception>
    public SearchResult Search(SearchRequest request, CancellationToken cancellation = default)
    {
        request.Validate();
        request = request.WithFoldedFilters();
        var text = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim();
        // Parsed folded, so synonyms and question words typed in traditional characters (碳達峰, 為什麼) match too.
        // The syntax is checked before anything else (a 400 whether or not an index serves); analysing the words is
        // the first pass's work, a function of the folded text, so the folded text keys the cache and a hit skips it.
        var folded = text is null ? null : ScriptFolding.Default.Fold(text);
        var parsed = folded is null ? null : UserQuery.Parse(folded);
        var sort = request.Sort == SearchSort.Relevance && folded is null ? SearchSort.Date : request.Sort;

        using var lease = _serving.Acquire();
        // Entries carry their generation and cannot answer for another; when a new one serves, the old ones go.
        _cache.Serving(_serving.Name);
        var key = new ResultKey(lease.Generation.Name, folded,
            string.Join('\u001f', request.Sections), string.Join('\u001f', request.Regions), request.From, request.To, sort,
            Depth(request));
        var first = _cache.Results(key, () => Rank(lease.Generation, parsed, request, sort, cancellation));
        // A cancelled request gets no answer, from the cache either (a ranking in progress stops in the collector).
        cancellation.ThrowIfCancellationRequested();

        var start = (request.Page - 1) * request.PageSize;
        var snippets = request.Snippets && first.Reading is not null;
        var hits = _cache.Page(new PageKey(key, start, request.PageSize, snippets),
            () => Page(lease.Generation, first, start, request.PageSize, snippets));
        var interpretation = first.Interpretation(text, request.Sections, request.Regions,
            () => Interpret(request, text, folded, first.Reading, first.Match, first.MinimumMatch, sort, first.Note, first.Dropped));
        return new SearchResult(interpretation, first.Top.TotalHits, request.Page, request.PageSize, hits, first.Facets);
    }

    /// <summary>A page of hits cut from the first pass: the articles without their bodies, and snippets when asked for.</summary>
    private static IReadOnlyList<SearchHit> Page(ServingGeneration.OpenGeneration generation, FirstPass first, int start, int size, bool snippets)
    {
        var page = first.Top.ScoreDocs.Skip(start).Take(size)
            .Select(scoreDoc => (scoreDoc, Stored: generation.Stored(scoreDoc.Doc)))
            .ToList();
        // Snippets for the whole page at once: each term's postings are looked up once, not once per hit.
        var built = snippets
            ? SnippetBuilder.Build(generation.Searcher.IndexReader,
                [.. page.Select(h => (h.scoreDoc.Doc, h.Stored.Article.Body, h.Stored.IdeographsAsIndexed))], first.Reading!.Highlights)
            : null;
        return [.. page.Select((h, i) => new SearchHit(h.Stored.Article with { Body = "" },
            float.IsNaN(h.scoreDoc.Score) ? 0 : h.scoreDoc.Score, built?[i]))];
    }

    /// <summary>
    /// The first pass: the query's words analysed, matched, relaxed when too little matched, counted and ranked to
    /// <see cref="Depth"/>. A query with nothing searchable left matches nothing; without one, the filters browse.
    /// </summary>
    private FirstPass Rank(ServingGeneration.OpenGeneration generation, UserQuery? parsed, SearchRequest request, SearchSort sort,
        CancellationToken cancellation)
    {
        using var states = new TermStates(generation.BorrowEnums());
        var builder = new QueryBuilder(QueryVocabulary.Default, states);
        var built = parsed is null ? null : builder.Build(parsed);
        if (built is { Parts.Count: 0 } && built.Excluded.Count == 0)
            return new FirstPass(new TopDocs(0, [], float.NaN), new FacetCounts([], [], []), "none", null,
                "nothing searchable is left once punctuation and question words are dropped", [], built.Reading);

        var searcher = generation.Searcher;
        var filter = _cache.DateFilter(generation.Name, request.From, request.To, () => DateFilter(request.From, request.To));
        var browse = built is null;
        var match = browse ? "browse" : "all";
        int? minimumMatch = null;
        var query = built?.Compose() ?? new MatchAllDocsQuery();
        var (top, facets) = Collect(searcher, query, filter, request, sort, cancellation);

        var required = built?.RequiredCount ?? 0;
        var strictTotal = top.TotalHits;
        var relaxed = built is { Relaxable: true } && required >= 2 && top.TotalHits < (required >= 3 ? RelaxBelow : 1)
            ? Relax(searcher, builder, built, filter, request, sort, top, cancellation)
            : null;
        if (relaxed is not null)
            (top, facets, match, minimumMatch) = (relaxed.Top, relaxed.Facets, "relaxed", relaxed.MinimumMatch);

        if (sort == SearchSort.Relevance && built is not null)
            top = BonusRescorer.Rescore(searcher, top, built.BonusQuery(), built.Reading.Years, built.Reading.Places);
        // What the strict query found (fewer than RelaxBelow articles, all in its top docs) ranks first.
        if (sort == SearchSort.Relevance && relaxed is { StrictDocs.Count: > 0 })
            top = new TopDocs(top.TotalHits, Relaxation.StrictFirst(top.ScoreDocs, h => relaxed.StrictDocs.Contains(h.Doc)), top.MaxScore);

        var note = QueryNote.Of(required, strictTotal, relaxed is not null, minimumMatch, relaxed?.Dropped ?? [],
            relaxed?.AnyOf ?? [], built?.Reading.Years ?? [], built?.Reading.Places ?? []);
        return new FirstPass(top, facets, match, minimumMatch, note, relaxed?.Dropped ?? [], built?.Reading);
    }

    /// <summary>The caches' counters and size (all zero when they are off).</summary>
    public SearchCacheStats CacheStats => _cache.Stats();

    /// <summary>Empties the caches (the counters stay): an operator's reset, and how a benchmark measures from cold.</summary>
    public void ClearCaches() => _cache.Clear();

    /// <summary>What relaxing found: the hits and facets of the step taken, and what it required, gave up or asked any of.</summary>
    private sealed record Relaxed(TopDocs Top, FacetCounts Facets, int MinimumMatch, IReadOnlyList<string> Dropped,
        IReadOnlyList<string> AnyOf, IReadOnlySet<int> StrictDocs);

    /// <summary>
    /// Requiring every word found little: gives words up one step at a time (<see cref="Relaxation.Levels"/>) until
    /// RelaxBelow articles match, keeping the first step that found the most. Null when no step found more than the
    /// strict query.
    /// </summary>
    private Relaxed? Relax(IndexSearcher searcher, QueryBuilder builder, BuiltQuery built, Filter? filter,
        SearchRequest request, SearchSort sort, TopDocs strict, CancellationToken cancellation)
    {
        Matches Match(Query query)
        {
            var docs = new DocSetCollector(searcher.IndexReader.MaxDoc);
            var counter = new FacetingCollector(docs, request.Sections, request.Regions, cancellation);
            searcher.Search(query, filter, counter);
            return new Matches(counter.Matched, docs.Docs);
        }
        var terms = RelaxationTerms.Of(searcher, builder, built, Match);
        var excluded = built.ExcludedQuery() is { } exclusions ? Match(exclusions).Docs : null;
        HashSet<int> strictDocs = [.. strict.ScoreDocs.Select(h => h.Doc)];
        var (bestTotal, bestLevel) = (strict.TotalHits, (RelaxationLevel?)null);
        foreach (var level in Relaxation.Levels(terms.Stats, [.. built.Parts.Select(p => p.Role)]))
        {
            // Counted on the terms' sets; only the step taken is searched, ranked and counted for facets.
            var total = terms.CountAt(level, excluded, strictDocs);
            if (total <= bestTotal) continue;
            (bestTotal, bestLevel) = (total, level);
            if (bestTotal >= RelaxBelow) break;
        }
        if (bestLevel is null) return null;

        var (top, facets) = Collect(searcher, built.Compose(terms, bestLevel, strictFound: strict.TotalHits > 0), filter, request, sort, cancellation);
        return bestLevel.AnyOf.Count > 0
            ? new Relaxed(top, facets, 1, [], [.. bestLevel.AnyOf.Select(i => built.Parts[i].Text)], strictDocs)
            : new Relaxed(top, facets, bestLevel.Required.Sum(i => terms.Sizes[i]),
                [.. bestLevel.Dropped.Select(i => terms.Texts[i])], [], strictDocs);
    }

    /// <summary>The whole article, body included, or null when the id is unknown.</summary>
    public Article? GetArticle(string id)
    {
        using var lease = _serving.Acquire();
        var docId = DocIdOf(lease.Generation.Searcher, id);
        return docId < 0 ? null : lease.Generation.Article(docId);
    }

    /// <summary>Articles most like the given one (more-like-this over title and body), or null when the id is unknown.</summary>
    public IReadOnlyList<SearchHit>? Similar(string id, int count = SimilarCount)
    {
        using var lease = _serving.Acquire();
        var searcher = lease.Generation.Searcher;
        var docId = DocIdOf(searcher, id);
        if (docId < 0) return null;
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = ArchiveAnalyzers.Words,
            FieldNames = [ArticleFields.Title, ArticleFields.Body],
            MinTermFreq = 2,
            MinDocFreq = 2,
            MinWordLen = 2,
            MaxQueryTerms = 25,
        };
        var like = new BooleanQuery
        {
            { moreLikeThis.Like(docId), Occur.MUST },
            { new TermQuery(new Term(ArticleFields.Id, id)), Occur.MUST_NOT },
        };
        return searcher.Search(like, count).ScoreDocs
            .Select(hit => new SearchHit(lease.Generation.Article(hit.Doc) with { Body = "" }, hit.Score, null))
            .ToList();
    }

    /// <summary>Section, region and year counts over the whole archive; computed once per generation.</summary>
    public FacetCounts ArchiveFacets()
    {
        using var lease = _serving.Acquire();
        return lease.Generation.ArchiveFacets.Value;
    }

    public void Dispose() => _serving.Dispose();

    private (TopDocs Top, FacetCounts Facets) Collect(
        IndexSearcher searcher, Query query, Filter? filter, SearchRequest request, SearchSort sort, CancellationToken cancellation)
    {
        var top = new RankingCollector(sort, Depth(request));
        var collector = new FacetingCollector(top, request.Sections, request.Regions, cancellation);
        searcher.Search(query, filter, collector);
        return (top.GetTopDocs(), collector.Counts());
    }

    /// <summary>
    /// How deep the first pass ranks: the rescoring window at least, so the first pages of a query, in any order, share
    /// one cached entry (a date order is total, so ranking deeper changes no page of it).
    /// </summary>
    private static int Depth(SearchRequest request) => Math.Max(RescoreWindow, request.Page * request.PageSize);

    /// <summary>How the request was read; <paramref name="folded"/> is reported as normalized when folding changed the text.</summary>
    private static QueryInterpretation Interpret(SearchRequest request, string? text, string? folded, QueryReading? reading, string match,
        int? minimumMatch, SearchSort sort, string? note, IReadOnlyList<string> dropped) =>
        new(text, folded == text ? null : folded, reading?.Terms ?? [], reading?.Ignored ?? [], match, minimumMatch,
            request.Sections, request.Regions, request.From, request.To, SearchSortNames.Of(sort), note,
            dropped, reading?.Years ?? [], reading?.Places ?? []);

    private static Filter? DateFilter(DateOnly? from, DateOnly? to) =>
        from is null && to is null
            ? null
            : NumericRangeFilter.NewInt32Range(ArticleFields.Date,
                from is { } f ? ArticleDocument.DateKey(f) : null,
                to is { } t ? ArticleDocument.DateKey(t) : null,
                minInclusive: true, maxInclusive: true);

    private static int DocIdOf(IndexSearcher searcher, string id)
    {
        var top = searcher.Search(new TermQuery(new Term(ArticleFields.Id, id)), 1);
        return top.TotalHits == 0 ? -1 : top.ScoreDocs[0].Doc;
    }
}
