using System.Diagnostics;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;
using Lucene.Net.Analysis;
using static ArchiveSearch.Benchmarks.ModeOutput;

namespace ArchiveSearch.Benchmarks;

/// <summary><c>folding</c>: what the script folding costs at indexing and at query time, printed as <c>name=value</c> lines.</summary>
public static class FoldingMode
{
    /// <summary>
    /// <c>folding --corpus DIR --index DIR [--articles N] [--rounds R] [--filters-only]</c>: what the script folding
    /// costs. The char filters alone (none, Lucene's MappingCharFilter over the same table, ours) over N articles' text.
    /// Rebuild: one whole rebuild of the corpus (the denominator), then the same N articles added to four index writers
    /// in interleaved batches (unfolded, MappingCharFilter, folded, folded over the articles written with traditional
    /// characters: each simplified character replaced by a traditional form the table folds back, the worst case),
    /// best of three, plus the string folding ingest does; the extra per article is scaled to the corpus. Query: each query of the mix as searched (p50, with snippets), and
    /// its folding's share: the string folding of the query (parsing and query.normalized) and the char filter's
    /// share of building the query (the analysis overhead measured on the query's own text, applied to the whole
    /// build: an upper bound). The same queries typed in traditional characters are searched in the same rounds.
    /// </summary>
    public static int Run(string corpus, string index, int count, int rounds, bool filtersOnly)
    {
        var folding = ScriptFolding.Default;
        var all = CorpusReader.ReadAll(corpus);
        var articles = all.Take(count).ToList();
        var traditional = articles.Select(a => a with { Title = Unfold(a.Title), Body = Unfold(a.Body) }).ToList();
        var plain = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(
            new Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer(ArchiveAnalyzers.Version, useDefaultStopWords: true),
            new Dictionary<string, Analyzer>
            {
                [ArticleFields.TitleBigrams] = new Lucene.Net.Analysis.Cjk.CJKAnalyzer(ArchiveAnalyzers.Version),
                [ArticleFields.BodyBigrams] = new Lucene.Net.Analysis.Cjk.CJKAnalyzer(ArchiveAnalyzers.Version),
            });

        var mapClock = Stopwatch.StartNew();
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, "預熱");
        Print("fold.first_use_s", mapClock.Elapsed.TotalSeconds);
        var mapping = new Lucene.Net.Analysis.CharFilters.NormalizeCharMap.Builder();
        foreach (var (from, to) in folding.Mappings) mapping.Add(from, to);
        mapClock.Restart();
        var map = mapping.Build();
        Print("fold.mapping_build_s", mapClock.Elapsed.TotalSeconds);

        // The char filters alone: every title and body read through each, interleaved, best of five.
        var texts = articles.Concat(traditional).SelectMany(a => new[] { a.Title, a.Body }).ToList();
        var filters = new (string Name, Func<string, TextReader> Open)[]
        {
            ("none", text => new StringReader(text)),
            ("mapping", text => new Lucene.Net.Analysis.CharFilters.MappingCharFilter(map, new StringReader(text))),
            ("folding", text => new FoldingCharFilter(new StringReader(text), folding)),
        };
        var filterBest = filters.ToDictionary(f => f.Name, _ => double.MaxValue);
        var chunk = new char[4096];
        for (var pass = 0; pass < 5; pass++)
        {
            foreach (var (name, open) in filters)
            {
                var start = Stopwatch.GetTimestamp();
                foreach (var text in texts)
                {
                    using var reader = open(text);
                    while (reader.Read(chunk, 0, chunk.Length) > 0) { }
                }
                filterBest[name] = Math.Min(filterBest[name], Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }
        var textChars = texts.Sum(t => (double)t.Length);
        foreach (var (name, _) in filters) Print($"fold.filter_{name}_ns_per_char", filterBest[name] * 1e9 / textChars);
        Console.Error.WriteLine($"char filters over {textChars:N0} chars: none {filterBest["none"] * 1e9 / textChars:F1} ns/char, " +
                                $"MappingCharFilter {filterBest["mapping"] * 1e9 / textChars:F1}, FoldingCharFilter {filterBest["folding"] * 1e9 / textChars:F1}");
        if (filtersOnly) return 0;

        var rebuildDir = Path.Combine(Path.GetTempPath(), "folding-rebuild-" + Environment.ProcessId);
        double rebuild;
        try
        {
            var clock = Stopwatch.StartNew();
            IndexRebuilder.Rebuild(corpus, rebuildDir);
            rebuild = clock.Elapsed.TotalSeconds;
        }
        finally
        {
            System.IO.Directory.Delete(rebuildDir, recursive: true);
        }

        // Four index writers fed the same batches of 100 articles in turn (the order rotating), so a busy moment of the
        // shared machine falls on all of them alike: unfolded, MappingCharFilter over the same table (the shape tried
        // first), FoldingCharFilter (what the chain uses), and FoldingCharFilter over the traditional-character copy.
        var mapped = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(
            new MappingWrapper(new Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer(ArchiveAnalyzers.Version, useDefaultStopWords: true), map),
            new Dictionary<string, Analyzer>
            {
                [ArticleFields.TitleBigrams] = new MappingWrapper(new Lucene.Net.Analysis.Cjk.CJKAnalyzer(ArchiveAnalyzers.Version), map),
                [ArticleFields.BodyBigrams] = new MappingWrapper(new Lucene.Net.Analysis.Cjk.CJKAnalyzer(ArchiveAnalyzers.Version), map),
            });
        var variants = new (string Name, Analyzer Analyzer, List<Article> Docs)[]
        {
            ("plain", plain, articles), ("mapping", mapped, articles),
            ("folded", ArchiveAnalyzers.PerField, articles), ("folded_traditional", ArchiveAnalyzers.PerField, traditional),
        };
        var best = variants.ToDictionary(v => v.Name, _ => double.MaxValue);
        for (var pass = 0; pass < 3; pass++)
        {
            var directories = variants.Select(_ => new Lucene.Net.Store.RAMDirectory()).ToArray();
            var writers = directories.Select((d, i) => new Lucene.Net.Index.IndexWriter(d,
                new Lucene.Net.Index.IndexWriterConfig(ArchiveAnalyzers.Version, variants[i].Analyzer)
                {
                    OpenMode = Lucene.Net.Index.OpenMode.CREATE,
                    Similarity = new Lucene.Net.Search.Similarities.BM25Similarity(),
                    RAMBufferSizeMB = 128,
                })).ToArray();
            var sums = new double[variants.Length];
            for (var batch = 0; batch * 100 < articles.Count; batch++)
            {
                for (var k = 0; k < variants.Length; k++)
                {
                    var v = (batch + k) % variants.Length;
                    var start = Stopwatch.GetTimestamp();
                    for (var i = batch * 100; i < Math.Min(articles.Count, batch * 100 + 100); i++)
                        writers[v].AddDocument(ArticleDocument.ToDocument(variants[v].Docs[i], i));
                    sums[v] += Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
            }
            foreach (var writer in writers) writer.Dispose();
            foreach (var directory in directories) directory.Dispose();
            // The first pass warms up the JIT and SmartCn; it counts only if the machine was quieter then.
            for (var v = 0; v < variants.Length; v++) best[variants[v].Name] = Math.Min(best[variants[v].Name], sums[v]);
        }
        var ingestBest = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var article in traditional) folding.Fold(article.Title + "\n" + article.Body);
            ingestBest = Math.Min(ingestBest, clock.Elapsed.TotalSeconds);
        }
        var (plainBest, foldedBest, traditionalBest) = (best["plain"], best["folded"], best["folded_traditional"]);
        var extraPerArticle = (foldedBest - plainBest + ingestBest) / articles.Count;
        var extraTraditional = (traditionalBest - plainBest + ingestBest) / articles.Count;
        Console.Error.WriteLine($"rebuild of {all.Count} articles: {rebuild:F2} s; adding {articles.Count}: plain {plainBest:F3} s, " +
                                $"MappingCharFilter {best["mapping"]:F3} s, folded {foldedBest:F3} s, folded traditional {traditionalBest:F3} s; " +
                                $"string folding of title and body {ingestBest:F3} s");
        Print("fold.rebuild_s", rebuild);
        Print("fold.corpus_articles", all.Count);
        Print("fold.sample_articles", articles.Count);
        Print("fold.add_plain_s", plainBest);
        Print("fold.add_mapping_s", best["mapping"]);
        Print("fold.add_folded_s", foldedBest);
        Print("fold.add_folded_traditional_s", traditionalBest);
        Print("fold.ingest_fold_s", ingestBest);
        Print("fold.rebuild_share", extraPerArticle * all.Count / rebuild);
        Print("fold.rebuild_share_traditional", extraTraditional * all.Count / rebuild);
        Print("fold.rebuild_share_mapping", ((best["mapping"] - plainBest + ingestBest) / articles.Count) * all.Count / rebuild);

        // Queries: the mix as searched, the folding's pieces of it, and the same queries in traditional characters.
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: QueryModes.Uncached);
        var generation = new Index.IndexLayout(index).CurrentGeneration() ?? throw new ArgumentException($"{index}: no index");
        using var indexDirectory = new Index.ServingDirectory(generation);
        using var indexReader = Lucene.Net.Index.DirectoryReader.Open(indexDirectory);
        var entries = QueryMix.Entries.Where(e => e.Request.Query is not null)
            .Select(e => (e.Kind, Simplified: e.Request, Traditional: e.Request with { Query = Unfold(e.Request.Query!) })).ToList();
        var plainWords = new Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer(ArchiveAnalyzers.Version, useDefaultStopWords: true);
        var plainBigrams = new Lucene.Net.Analysis.Cjk.CJKAnalyzer(ArchiveAnalyzers.Version);
        var times = new Dictionary<string, List<double>>();
        void Time(string key, Action action)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            (times.TryGetValue(key, out var list) ? list : times[key] = []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        for (var round = -50; round < rounds; round++)
        {
            foreach (var (kind, simplified, typed) in entries)
            {
                var q = simplified.Query!;
                Time($"{kind}.search", () => searcher.Search(simplified));
                Time($"{kind}.search_traditional", () => searcher.Search(typed));
                Time($"{kind}.build", () => new QueryBuilder(QueryVocabulary.Default, new TermStates(indexReader.Context)).Build(UserQuery.Parse(folding.Fold(q))));
                Time($"{kind}.fold", () => { folding.Fold(typed.Query!); folding.Fold(typed.Query!); });
                Time($"{kind}.analyze_plain", () => { ArchiveAnalyzers.Tokenize(plainWords, q); ArchiveAnalyzers.Tokenize(plainBigrams, q); });
                Time($"{kind}.analyze_folded", () => { ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, q); ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, q); });
            }
            if (round < 0) times.Clear();
        }
        double P50(string key) => Percentiles.Of([.. times[key].Order()], 50);
        Console.Error.WriteLine($"  {"kind",-12} {"search",8} {"trad.",8} {"build",8} {"fold",8} {"filter",8} {"share",7}");
        var shares = new List<double>();
        foreach (var (kind, _, _) in entries)
        {
            var overhead = Math.Max(0, P50($"{kind}.analyze_folded") / P50($"{kind}.analyze_plain") - 1);
            var extra = P50($"{kind}.fold") + overhead * P50($"{kind}.build");
            var share = extra / P50($"{kind}.search");
            shares.Add(share);
            Console.Error.WriteLine($"  {kind,-12} {P50($"{kind}.search"),8:F3} {P50($"{kind}.search_traditional"),8:F3} " +
                                    $"{P50($"{kind}.build"),8:F3} {P50($"{kind}.fold"),8:F4} {overhead,8:P0} {share,7:P1}");
            Print($"fold.{kind}.search_p50_ms", P50($"{kind}.search"));
            Print($"fold.{kind}.search_traditional_p50_ms", P50($"{kind}.search_traditional"));
            Print($"fold.{kind}.build_p50_ms", P50($"{kind}.build"));
            Print($"fold.{kind}.fold_p50_ms", P50($"{kind}.fold"));
            Print($"fold.{kind}.analysis_overhead", overhead);
            Print($"fold.{kind}.query_share", share);
        }
        Print("fold.query_share_max", shares.Max());
        return 0;
    }

    /// <summary>An analyzer behind Lucene's MappingCharFilter: the folding's first shape, measured beside the one kept.</summary>
    private sealed class MappingWrapper(Analyzer analyzer, Lucene.Net.Analysis.CharFilters.NormalizeCharMap map) : AnalyzerWrapper(analyzer.Strategy)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => analyzer;

        protected override TextReader WrapReader(string fieldName, TextReader reader) =>
            new Lucene.Net.Analysis.CharFilters.MappingCharFilter(map, reader);
    }

    /// <summary>Simplified text with each character the folding table maps from a traditional one written that way.</summary>
    private static string Unfold(string text)
    {
        var back = UnfoldTable.Value;
        return string.Concat(text.Select(c => back.TryGetValue(c, out var t) ? t : c));
    }

    private static readonly Lazy<Dictionary<char, char>> UnfoldTable = new(() =>
    {
        var back = new Dictionary<char, char>();
        foreach (var (from, to) in ScriptFolding.Default.Mappings)
            if (from.Length == 1 && to.Length == 1 && QueryBuilder.IsCjk(from[0]) && QueryBuilder.IsCjk(to[0])) back.TryAdd(to[0], from[0]);
        return back;
    });
}
