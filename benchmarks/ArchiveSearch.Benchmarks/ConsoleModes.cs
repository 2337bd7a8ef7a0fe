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
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1));
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
        }
        return 0;
    }

    /// <summary>
    /// <c>lucene-share --index DIR [--rounds N]</c>: for each query of the mix, Lucene.Net alone (the same matching
    /// query, BM25 top 100, no facets, sort, stored fields or filters of ours) beside the whole search without
    /// snippets, in the same rounds: how much of a query's time is Lucene's own matching and scoring.
    /// </summary>
    public static int LuceneShare(string index, int rounds)
    {
        using var archive = new ArchiveSearcher(index, TimeSpan.FromHours(1));
        var generation = new Index.IndexLayout(index).CurrentGeneration() ?? throw new ArgumentException($"{index}: no index");
        using var reader = Lucene.Net.Index.DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(generation));
        var lucene = new Lucene.Net.Search.IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var entries = QueryMix.Entries.Select(e => (e.Kind, Request: e.Request with { Snippets = false },
            Query: e.Request.Query is { } q
                ? new QueryBuilder(QueryVocabulary.Default).Build(UserQuery.Parse(q)).Compose()
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
        using var searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1));
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
        var clock = Stopwatch.StartNew();
        Run(TimeSpan.FromSeconds(seconds), ref done);
        var wall = clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Print("thr.threads", threads);
        Print("thr.qps", done / wall);
        Print("thr.cpu_ms_per_query", cpuMs / done);
        return 0;
    }

    /// <summary><c>urls</c>: the mix as <c>/api/search</c> paths, one a line, for the wrk script.</summary>
    public static int Urls()
    {
        foreach (var entry in QueryMix.Entries)
            Console.WriteLine(entry.Url());
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
