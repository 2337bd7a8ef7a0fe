using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using TestSupport;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// The in-process measurements of benchmarks/run. Each prints <c>name=value</c> lines (machine-read by the
/// script) after a human-readable table on standard error.
/// </summary>
public static class ConsoleModes
{
    /// <summary>
    /// The per-query measurements (latency, throughput, Lucene.Net's share, micro-benchmarks) run with the caches off:
    /// they repeat a fixed mix, which a result cache would answer entirely. <c>replay</c> measures the caches.
    /// </summary>
    public static SearchCacheSettings Uncached { get; } = new() { Enabled = false };

    /// <summary>
    /// <c>tokenize --corpus DIR [--max-chars N]</c>: single-thread SmartCn throughput over the corpus text (title and
    /// body of each article, in file order, up to N characters), and the corpus's raw text size.
    /// </summary>
    public static int Tokenize(string corpus, long maxChars)
    {
        var articles = ReadCorpus(corpus);
        long rawChars = 0, rawBytes = 0;
        foreach (var a in articles)
        {
            rawChars += a.Title.Length + a.Body.Length;
            rawBytes += Encoding.UTF8.GetByteCount(a.Title) + Encoding.UTF8.GetByteCount(a.Body);
        }
        var texts = new List<string>();
        long chars = 0;
        foreach (var a in articles)
        {
            if (chars >= maxChars) break;
            texts.Add(a.Title);
            texts.Add(a.Body);
            chars += a.Title.Length + a.Body.Length;
        }

        // The first call loads SmartCn's dictionaries: a fixed cost of every process that analyses.
        var first = Stopwatch.StartNew();
        CountTokens(["中文分词的第一次调用"]);
        Print("tok.first_call_s", first.Elapsed.TotalSeconds);
        // Warm up (JIT), then the best of three passes: the machine is shared.
        CountTokens(texts.Take(200));
        var best = double.MaxValue;
        long tokens = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var clock = Stopwatch.StartNew();
            tokens = CountTokens(texts);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        Print("corpus.articles", articles.Count);
        Print("corpus.raw_chars", rawChars);
        Print("corpus.raw_bytes", rawBytes);
        Print("tok.chars", chars);
        Print("tok.tokens", tokens);
        Print("tok.seconds", best);
        Print("tok.chars_per_s", chars / best);
        return 0;
    }

    /// <summary>Runs the SmartCn analyzer over each text, as the index writer does, without keeping the tokens.</summary>
    public static long CountTokens(IEnumerable<string> texts)
    {
        long count = 0;
        foreach (var text in texts)
        {
            using var stream = ArchiveAnalyzers.Words.GetTokenStream(ArticleFields.Body, text);
            stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) count++;
            stream.End();
        }
        return count;
    }

    /// <summary>
    /// <c>latency --index DIR [--rounds N]</c>: p50/p99 latency and allocated bytes per query of the fixed mix, with
    /// and without snippets, on one thread. Also a calibration: the time to tokenise 1,000 characters, measured
    /// between the rounds, so latencies can be read as multiples of it on a machine that is shared.
    /// </summary>
    public static int Latency(string index, int rounds)
    {
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: Uncached);
        var calibrationText = CalibrationText();
        // Each round runs every query without and then with snippets, so both see the same machine.
        var requests = new[] { false, true }
            .SelectMany(snippets => QueryMix.Entries.Select(e =>
                (Key: $"{(snippets ? "snip" : "nosnip")}.{e.Kind}", Request: e.Request with { Snippets = snippets })))
            .ToList();

        // Warm up for at least two seconds: JIT tiers, the OS page cache and Lucene's lazily loaded structures.
        var warmUp = Stopwatch.StartNew();
        var warmRounds = 0;
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2) || warmRounds < 20)
        {
            foreach (var (_, request) in requests) searcher.Search(request);
            CountTokens([calibrationText]);
            warmRounds++;
        }

        var times = requests.ToDictionary(r => r.Key, _ => new List<double>());
        var allocated = requests.ToDictionary(r => r.Key, _ => new List<double>());
        var hits = new Dictionary<string, int>();
        var calibration = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (key, request) in requests)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                var result = searcher.Search(request);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                allocated[key].Add(GC.GetAllocatedBytesForCurrentThread() - before);
                times[key].Add(elapsed);
                hits[key] = result.Total;
            }
            if (round % 5 == 0)
            {
                var start = Stopwatch.GetTimestamp();
                CountTokens([calibrationText]);
                calibration.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        calibration.Sort();
        var calibrationMs = Percentiles.Of(calibration, 50);
        Console.Error.WriteLine($"{rounds} rounds after {warmRounds} to warm up; tokenising 1,000 chars takes {calibrationMs:F3} ms (p50)");
        Print("lat.calibration_ms", calibrationMs);
        Print("lat.rounds", rounds);
        foreach (var mode in new[] { "nosnip", "snip" })
        {
            Console.Error.WriteLine($"{(mode == "snip" ? "with" : "without")} snippets");
            Console.Error.WriteLine($"  {"kind",-12} {"hits",8} {"p50 ms",8} {"p99 ms",8} {"alloc KiB",10}");
            var keys = times.Keys.Where(k => k.StartsWith(mode + ".", StringComparison.Ordinal)).ToList();
            foreach (var key in keys)
            {
                var list = times[key];
                list.Sort();
                var alloc = allocated[key].Order().ToList();
                var kind = key[(mode.Length + 1)..];
                Console.Error.WriteLine($"  {kind,-12} {hits[key],8} {Percentiles.Of(list, 50),8:F3} {Percentiles.Of(list, 99),8:F3} {Percentiles.Of(alloc, 50) / 1024,10:F1}");
                Print($"lat.{key}.p50_ms", Percentiles.Of(list, 50));
                Print($"lat.{key}.p99_ms", Percentiles.Of(list, 99));
                Print($"lat.{key}.alloc_kib", Percentiles.Of(alloc, 50) / 1024);
                Print($"lat.{key}.hits", hits[key]);
            }
            var all = keys.SelectMany(k => times[k]).Order().ToList();
            var allAlloc = keys.SelectMany(k => allocated[k]).Average();
            Console.Error.WriteLine($"  {"mix",-12} {"",8} {Percentiles.Of(all, 50),8:F3} {Percentiles.Of(all, 99),8:F3} {allAlloc / 1024,10:F1} (mean)");
            Print($"lat.{mode}.p50_ms", Percentiles.Of(all, 50));
            Print($"lat.{mode}.p99_ms", Percentiles.Of(all, 99));
            Print($"lat.{mode}.max_ms", all[^1]);
            Print($"lat.{mode}.alloc_kib_mean", allAlloc / 1024);
            var six = QueryMix.IssueSix.SelectMany(e => times[$"{mode}.{e.Kind}"]).Order().ToList();
            Console.Error.WriteLine($"  {"issue's six",-12} {"",8} {Percentiles.Of(six, 50),8:F3} {Percentiles.Of(six, 99),8:F3}");
            Print($"lat.{mode}.six.p50_ms", Percentiles.Of(six, 50));
            Print($"lat.{mode}.six.p99_ms", Percentiles.Of(six, 99));
        }
        return 0;
    }

    /// <summary>
    /// <c>lucene-share --index DIR [--rounds N]</c>: for each query of the mix, Lucene.Net alone (the same matching
    /// query, BM25 top 100, no facets, sort, stored fields or filters of ours) beside the whole search without
    /// snippets, in the same rounds: how much of a query's time is Lucene's own matching and scoring. The query is
    /// built once, its terms looked up in the index then (as a search does once for all its queries).
    /// </summary>
    public static int LuceneShare(string index, int rounds)
    {
        using var archive = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: Uncached);
        var generation = new Index.IndexLayout(index).CurrentGeneration() ?? throw new ArgumentException($"{index}: no index");
        // Opened as the API opens it (ServingDirectory): Lucene.Net's own memory-mapped directory tracks every clone
        // of an input, which made its collections dear and would bill that to Lucene here.
        using var directory = new Index.ServingDirectory(generation);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var lucene = new Lucene.Net.Search.IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var entries = QueryMix.Entries.Select(e => (e.Kind, Request: e.Request with { Snippets = false },
            Query: e.Request.Query is { } q
                ? new QueryBuilder(QueryVocabulary.Default, new TermStates(lucene.TopReaderContext)).Build(UserQuery.Parse(q)).Compose()
                : new Lucene.Net.Search.MatchAllDocsQuery())).ToList();

        // Warm up as the latency mode does: at least two seconds, for the JIT's tiers and the page cache.
        var warmUp = Stopwatch.StartNew();
        for (var round = 0; warmUp.Elapsed < TimeSpan.FromSeconds(2) || round < 20; round++)
            foreach (var (_, request, query) in entries)
            {
                lucene.Search(query, 100);
                archive.Search(request);
            }

        var luceneTimes = entries.ToDictionary(e => e.Kind, _ => new List<double>());
        var ourTimes = entries.ToDictionary(e => e.Kind, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (kind, request, query) in entries)
            {
                var start = Stopwatch.GetTimestamp();
                lucene.Search(query, 100);
                var luceneMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                archive.Search(request);
                ourTimes[kind].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                luceneTimes[kind].Add(luceneMs);
            }
        }

        Console.Error.WriteLine($"  {"kind",-12} {"Lucene p50",11} {"Lucene p99",11} {"search p50",11} {"Lucene share",13}");
        foreach (var (kind, _, _) in entries)
        {
            var alone = luceneTimes[kind].Order().ToList();
            var whole = Percentiles.Of([.. ourTimes[kind].Order()], 50);
            var (p50, p99) = (Percentiles.Of(alone, 50), Percentiles.Of(alone, 99));
            Console.Error.WriteLine($"  {kind,-12} {p50,11:F3} {p99,11:F3} {whole,11:F3} {p50 / whole,13:P0}");
            Print($"share.{kind}.lucene_p50_ms", p50);
            Print($"share.{kind}.lucene_p99_ms", p99);
            Print($"share.{kind}.search_p50_ms", whole);
        }
        return 0;
    }

    /// <summary>
    /// <c>rebuild-stages --corpus DIR --index DIR</c>: one rebuild in process with the time of each stage (parse,
    /// analyse and write, merge to one segment with commit and verification), from the rebuild's own progress reports.
    /// </summary>
    public static int RebuildStages(string corpus, string index)
    {
        var clock = Stopwatch.StartNew();
        var stages = new StageClock(clock);
        var summary = IndexRebuilder.Rebuild(corpus, index, progress: stages);
        var total = clock.Elapsed.TotalSeconds;
        var marks = stages.Marks;
        double At(string stage) => marks.TryGetValue(stage, out var t) ? t : total;
        Print("stages.parse_s", At("index"));
        Print("stages.index_s", At("merge") - At("index"));
        Print("stages.merge_commit_verify_s", total - At("merge"));
        Print("stages.total_s", total);
        Print("stages.chars", summary.TextCharacters);
        Print("stages.index_bytes", summary.IndexBytes);
        return 0;
    }

    /// <summary>
    /// <c>rebuild-costs --corpus DIR [--articles N]</c>: where a rebuild's CPU goes, each part on one thread over the
    /// same N articles: SmartCn over title and body, CJK bigrams over them, building the documents, adding them to an
    /// index writer (which runs both analyzers and writes postings and stored fields), and the final merge and commit.
    /// </summary>
    public static int RebuildCosts(string corpus, int count)
    {
        var articles = ReadCorpus(corpus).Take(count).ToList();
        var texts = articles.SelectMany(a => new[] { a.Title, a.Body }).ToList();
        long chars = texts.Sum(t => (long)t.Length);
        CountTokens(texts.Take(100));
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, texts[0]);

        double Time(Action action)
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalSeconds;
        }
        var smartCn = Time(() => CountTokens(texts));
        var bigrams = Time(() =>
        {
            foreach (var text in texts)
            {
                using var stream = ArchiveAnalyzers.Bigrams.GetTokenStream(ArticleFields.BodyBigrams, text);
                stream.Reset();
                while (stream.IncrementToken()) { }
                stream.End();
            }
        });
        var documents = Time(() => { for (var i = 0; i < articles.Count; i++) ArticleDocument.ToDocument(articles[i], i); });
        var dir = Path.Combine(Path.GetTempPath(), "rebuild-costs-" + Environment.ProcessId);
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            using var directory = Lucene.Net.Store.FSDirectory.Open(dir);
            var config = new Lucene.Net.Index.IndexWriterConfig(ArchiveAnalyzers.Version, ArchiveAnalyzers.PerField)
            {
                OpenMode = Lucene.Net.Index.OpenMode.CREATE,
                Similarity = new Lucene.Net.Search.Similarities.BM25Similarity(),
                RAMBufferSizeMB = 128,
            };
            using var writer = new Lucene.Net.Index.IndexWriter(directory, config);
            var gcBefore = GC.GetTotalPauseDuration();
            var add = Time(() => { for (var i = 0; i < articles.Count; i++) writer.AddDocument(ArticleDocument.ToDocument(articles[i], i)); });
            var gcAdd = (GC.GetTotalPauseDuration() - gcBefore).TotalSeconds;
            var merge = Time(() => { writer.ForceMerge(1); writer.Commit(); });
            Print("costs.articles", articles.Count);
            Print("costs.chars", chars);
            Print("costs.smartcn_s", smartCn);
            Print("costs.bigrams_s", bigrams);
            Print("costs.documents_s", documents);
            Print("costs.add_documents_s", add);
            Print("costs.add_documents_gc_pause_s", gcAdd);
            Print("costs.merge_commit_s", merge);
            Print("costs.add_over_smartcn", add / smartCn);
            Print("costs.all_over_smartcn", (add + merge) / smartCn);
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

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
    public static int Folding(string corpus, string index, int count, int rounds, bool filtersOnly)
    {
        var folding = ScriptFolding.Default;
        var all = ReadCorpus(corpus);
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
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: Uncached);
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

    /// <summary>When each stage was first reported. Reports come from several threads; the first one wins.</summary>
    private sealed class StageClock(Stopwatch clock) : IProgress<RebuildProgress>
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _marks = new();
        public IReadOnlyDictionary<string, double> Marks => _marks;
        public void Report(RebuildProgress value) => _marks.TryAdd(value.Stage, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// <c>throughput --index DIR [--threads N] [--seconds S]</c>: the mix (with snippets, as the API serves it) run by N
    /// threads at once in process: queries a second and CPU milliseconds per query, to compare with the API's.
    /// </summary>
    public static int Throughput(string index, int threads, double seconds)
    {
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: Uncached);
        var requests = QueryMix.Entries.Select(e => e.Request).ToList();
        void Run(TimeSpan duration, ref long total)
        {
            var stop = Stopwatch.StartNew();
            long count = 0;
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                var i = t;
                while (stop.Elapsed < duration)
                {
                    searcher.Search(requests[i++ % requests.Count]);
                    Interlocked.Increment(ref count);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            total = count;
        }
        long warm = 0, done = 0;
        Run(TimeSpan.FromSeconds(2), ref warm);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (pause, gen0, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (allocated, contentions) = (GC.GetTotalAllocatedBytes(), Monitor.LockContentionCount);
        var clock = Stopwatch.StartNew();
        Run(TimeSpan.FromSeconds(seconds), ref done);
        var wall = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Print("thr.threads", threads);
        Print("thr.qps", done / wall);
        Print("thr.cpu_ms_per_query", cpuMs / done);
        // Where concurrency's cost goes: the share of the run the GC held every thread, and what each query allocated.
        Print("thr.gc_pause_share", (GC.GetTotalPauseDuration() - pause).TotalSeconds / wall);
        Print("thr.gc_gen0", GC.CollectionCount(0) - gen0);
        Print("thr.gc_gen1", GC.CollectionCount(1) - gen1);
        Print("thr.gc_gen2", GC.CollectionCount(2) - gen2);
        Print("thr.alloc_kib_per_query", (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / done);
        Print("thr.lock_contentions_per_query", (double)(Monitor.LockContentionCount - contentions) / done);
        return 0;
    }

    /// <summary><c>zipf-stream</c>: writes <see cref="QueryStream"/>'s stream over the corpus, one path a line.</summary>
    public static int ZipfStream(string corpus, int distinct, int requests, int seed, string outFile)
    {
        var stream = QueryStream.Generate(ReadCorpus(corpus), distinct, requests, seed);
        File.WriteAllLines(outFile, stream);
        Console.Error.WriteLine($"{stream.Count} requests, {stream.Distinct().Count()} distinct, written to {outFile}");
        return 0;
    }

    /// <summary>
    /// <c>replay</c>: every request of a stream once, in order, shared by N threads, from cold caches on a warm process
    /// (the stream replayed for <see cref="ReplayWarmUp"/> first, then the caches emptied, as the HTTP passes are):
    /// latency percentiles, queries a second and the hit rate.
    /// </summary>
    public static int Replay(string index, string streamFile, int threads, bool cache)
    {
        var requests = File.ReadAllLines(streamFile).Where(l => l.Length > 0).Select(QueryStream.Parse).ToList();
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: new SearchCacheSettings { Enabled = cache });
        var latencies = new double[requests.Count];
        void Pass()
        {
            var next = -1;
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
                {
                    var started = Stopwatch.GetTimestamp();
                    searcher.Search(requests[i]);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
        }
        var warm = Stopwatch.StartNew();
        do Pass(); while (warm.Elapsed < ReplayWarmUp);
        searcher.ClearCaches();

        var before = searcher.CacheStats;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Pass();
        var wall = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var after = searcher.CacheStats;
        var sorted = latencies.Order().ToList();
        var lookups = after.Hits - before.Hits + after.Misses - before.Misses;
        Print("replay.requests", requests.Count);
        Print("replay.threads", threads);
        Print("replay.qps", requests.Count / wall);
        Print("replay.p50_ms", Percentiles.Of(sorted, 50));
        Print("replay.p99_ms", Percentiles.Of(sorted, 99));
        Print("replay.cpu_ms_per_query", cpuMs / requests.Count);
        Print("replay.hit_rate", lookups == 0 ? 0 : (double)(after.Hits - before.Hits) / lookups);
        Print("replay.cache_entries", after.Entries);
        Print("replay.cache_mib", after.Bytes / 1048576.0);
        Print("replay.evictions", after.Evictions - before.Evictions);
        return 0;
    }

    /// <summary>
    /// How long <c>replay</c> replays the stream before the pass it measures (whole passes). After twenty rounds of the
    /// six-query mix only, the JIT was still compiling the stream's other paths through the measured pass.
    /// </summary>
    private static readonly TimeSpan ReplayWarmUp = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>urls [--kinds] [--issue-six]</c>: the mix as <c>/api/search</c> paths, one a line, for the wrk script; with
    /// <c>--kinds</c> each line begins with the query's kind and a tab, for the Xapian measurement; with
    /// <c>--issue-six</c> only the six the caches issue's floors name.
    /// </summary>
    public static int Urls(bool kinds, bool issueSix)
    {
        foreach (var entry in issueSix ? QueryMix.IssueSix : QueryMix.Entries)
            Console.WriteLine(kinds ? $"{entry.Kind}\t{entry.Url()}" : entry.Url());
        return 0;
    }

    /// <summary>1,000 characters of real text from the bundled corpus, the same in every run.</summary>
    public static string CalibrationText()
    {
        var text = string.Concat(new SyntheticCorpus(BundledArticles()).Generate(5, seed: 1).Select(a => a.Body));
        return text.Length >= 1000 ? text[..1000] : text;
    }

    public static IReadOnlyList<Article> BundledArticles() => ReadCorpus(BundledCorpus());

    public static string BundledCorpus() => RepoPaths.Corpus;

    public static List<Article> ReadCorpus(string dir) =>
        [.. CorpusReader.Files(dir).SelectMany(CorpusReader.ReadFile)];

    private static void Print(string name, double value) =>
        Console.WriteLine($"{name}={value.ToString("0.######", CultureInfo.InvariantCulture)}");
}
