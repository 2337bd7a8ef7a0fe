using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// The terms a query relaxes over, read against the index: adjacent topic words the archive holds verbatim become
/// one group (<see cref="Relaxation.Compounds"/>), and each term is counted (a word no article has goes first) and
/// weighed by the idf of the index terms it is matched by, which decide the order they are given up in. Only a
/// query that found too little comes here, so the counts cost the others nothing.
/// </summary>
internal sealed record RelaxationTerms(
    IReadOnlyList<Query> Queries, IReadOnlyList<string> Texts, IReadOnlyList<int> Sizes, IReadOnlyList<TermStats> Stats)
{
    public static RelaxationTerms Of(IndexSearcher searcher, QueryBuilder builder, BuiltQuery built, Filter? filter)
    {
        var parts = built.Parts;
        var counts = new Dictionary<string, (Query? Query, int Count)>();
        (Query? Query, int Count) Verbatim(int first, int last)
        {
            var text = built.Chunks[parts[first].Chunk][parts[first].Start..parts[last].End];
            if (counts.TryGetValue(text, out var known)) return known;
            var query = builder.Verbatim(text);
            return counts[text] = (query, query is null ? 0 : Count(searcher, query, filter));
        }

        var groups = Relaxation.Compounds([.. parts.Select(p => p.Role)],
            i => parts[i].Chunk >= 0 && parts[i + 1].Chunk == parts[i].Chunk && parts[i].End == parts[i + 1].Start,
            (first, last) => Verbatim(first, last).Count > 0);

        var docCount = searcher.IndexReader.MaxDoc;
        double Weight(string text) =>
            builder.IndexTerms(text).Sum(term => Relaxation.Idf(searcher.IndexReader.DocFreq(term), docCount));

        var queries = new List<Query>();
        var texts = new List<string>();
        var sizes = new List<int>();
        var stats = new List<TermStats>();
        foreach (var (first, last) in groups)
        {
            var (query, count) = first == last
                ? (parts[first].Query, Count(searcher, parts[first].Query, filter))
                : Verbatim(first, last);
            var role = first == last ? parts[first].Role : TermRole.Word;
            var text = first == last ? parts[first].Text : built.Chunks[parts[first].Chunk][parts[first].Start..parts[last].End];
            queries.Add(query!);
            texts.Add(text);
            sizes.Add(last - first + 1);
            stats.Add(new TermStats(role, count, role == TermRole.Fixed ? Relaxation.Idf(count, docCount) : Weight(text)));
        }
        return new RelaxationTerms(queries, texts, sizes, stats);
    }

    /// <summary>Matches in the date range, counted as the searcher's collector counts them (in doc id order on small segments).</summary>
    private static int Count(IndexSearcher searcher, Query query, Filter? filter)
    {
        var counter = new FacetingCollector(null, [], [], CancellationToken.None);
        searcher.Search(query, filter, counter);
        return counter.Total;
    }
}
