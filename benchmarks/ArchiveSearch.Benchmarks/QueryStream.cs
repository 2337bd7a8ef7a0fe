using System.Globalization;
using System.Web;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// A realistic query stream for the caches: a few thousand distinct queries drawn from the archive's own vocabulary
/// (one to three words, phrases, questions, unspaced chunks of titles; 30% with a section, region or date filter;
/// some second, third and deep pages), requested with Zipf frequencies (rank r with weight 1/r^s), as search logs
/// are. Seeded: the same corpus, counts and seed give the same file, line for line.
/// </summary>
public static class QueryStream
{
    private static readonly string[] QuestionForms = ["{0}有哪些", "什么是{0}", "{0}怎么样", "如何推进{0}", "{0}的政策"];

    /// <summary><paramref name="requests"/> /api/search paths over <paramref name="distinct"/> distinct queries.</summary>
    public static IReadOnlyList<string> Generate(IReadOnlyList<Article> articles, int distinct, int requests, int seed, double s = 1.0)
    {
        var random = new Random(seed);
        var titles = articles.Select(a => a.Title).Where(t => t.Count(char.IsLetterOrDigit) >= 4).Distinct().Order(StringComparer.Ordinal).ToList();
        // Words of two or more characters that at least two titles or bodies use: what readers type.
        var words = articles
            .SelectMany(a => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, a.Title + "\n" + a.Body)
                .Select(t => t.Term).Where(IsWord).Distinct())
            .GroupBy(w => w, StringComparer.Ordinal).Where(g => g.Count() >= 2)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var titleWords = titles.Select(t => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, t).Select(x => x.Term).Where(IsWord).ToList())
            .Where(ws => ws.Count >= 2).ToList();
        var sections = articles.Select(a => a.Section).Distinct().Order(StringComparer.Ordinal).ToList();
        var regions = articles.SelectMany(a => a.Regions).Distinct().Order(StringComparer.Ordinal).ToList();
        var years = articles.Select(a => a.Date.Year).Distinct().Order().ToList();

        var queries = new List<string>(distinct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempts = 0; queries.Count < distinct && attempts < distinct * 50; attempts++)
        {
            var request = new SearchRequest
            {
                Query = Text(random, words, titles, titleWords),
                Page = random.NextDouble() switch { < 0.85 => 1, < 0.95 => 2, < 0.99 => 3, _ => random.Next(5, 21) },
            };
            if (random.NextDouble() < 0.30)
            {
                request = random.Next(3) switch
                {
                    0 => request with { Sections = [sections[random.Next(sections.Count)]] },
                    1 => request with { Regions = [regions[random.Next(regions.Count)]] },
                    _ => YearRange(request, years[random.Next(years.Count)], random),
                };
            }
            var url = new QueryMix.Entry("stream", request).Url();
            if (seen.Add(url)) queries.Add(url);
        }

        // Rank r (from 1) is asked with weight 1/r^s: the cumulative weights, searched by a uniform draw.
        var cumulative = new double[queries.Count];
        var sum = 0.0;
        for (var r = 0; r < queries.Count; r++) cumulative[r] = sum += 1 / Math.Pow(r + 1, s);
        var stream = new List<string>(requests);
        for (var i = 0; i < requests; i++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            stream.Add(queries[Math.Min(at < 0 ? ~at : at, queries.Count - 1)]);
        }
        return stream;
    }

    /// <summary>A stream line back as the request the API would build from it.</summary>
    public static SearchRequest Parse(string url)
    {
        var query = HttpUtility.ParseQueryString(url[(url.IndexOf('?') + 1)..]);
        DateOnly? Date(string name) => query[name] is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new SearchRequest
        {
            Query = query["q"],
            Sections = query.GetValues("section") ?? [],
            Regions = query.GetValues("region") ?? [],
            From = Date("from"),
            To = Date("to"),
            Sort = query["sort"] is { } sort ? Enum.GetValues<SearchSort>().Single(v => SearchSortNames.Of(v) == sort) : SearchSort.Relevance,
            Page = int.Parse(query["page"] ?? "1", CultureInfo.InvariantCulture),
            PageSize = int.Parse(query["pageSize"] ?? "10", CultureInfo.InvariantCulture),
        };
    }

    private static string Text(Random random, List<string> words, List<string> titles, List<List<string>> titleWords)
    {
        string Word() => words[random.Next(words.Count)];
        return random.NextDouble() switch
        {
            < 0.35 => Word(),
            < 0.55 => $"{Word()} {Word()}",
            < 0.62 => $"{Word()} {Word()} {Word()}",
            < 0.74 => Phrase(random, titleWords),
            < 0.86 => string.Format(CultureInfo.InvariantCulture, QuestionForms[random.Next(QuestionForms.Length)], Word()),
            _ => Chunk(random, titles),
        };
    }

    /// <summary>Two neighbouring words of a title, quoted.</summary>
    private static string Phrase(Random random, List<List<string>> titleWords)
    {
        var ws = titleWords[random.Next(titleWords.Count)];
        var at = random.Next(ws.Count - 1);
        return $"\"{ws[at]}{ws[at + 1]}\"";
    }

    /// <summary>Four to eight characters of a title, unspaced, as readers paste them.</summary>
    private static string Chunk(Random random, List<string> titles)
    {
        // Letters and digits only: a title's brackets and quotes would be query syntax.
        var title = new string([.. titles[random.Next(titles.Count)].Where(char.IsLetterOrDigit)]);
        var length = Math.Min(title.Length, random.Next(4, 9));
        return title.Substring(random.Next(title.Length - length + 1), length).Trim();
    }

    /// <summary>A year, or one quarter of it.</summary>
    private static SearchRequest YearRange(SearchRequest request, int year, Random random)
    {
        if (random.Next(2) == 0) return request with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) };
        var from = new DateOnly(year, 1 + 3 * random.Next(4), 1);
        return request with { From = from, To = from.AddMonths(3).AddDays(-1) };
    }

    private static bool IsWord(string term) => term.Length >= 2 && term.All(c => c is >= '\u4e00' and <= '\u9fff');
}
