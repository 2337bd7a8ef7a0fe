using System.Diagnostics;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;
using TestSupport;
using static ArchiveSearch.Benchmarks.ModeOutput;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// The in-process measurements of searching (<c>latency</c>, <c>lucene-share</c>, <c>throughput</c>, the Zipf stream's
/// <c>zipf-stream</c> and <c>replay</c>, the mix's <c>urls</c>), each printing <c>name=value</c> lines for
/// benchmarks/run after a human-readable table on standard error.
/// </summary>
public static class QueryModes
{
    /// <summary>
    /// The per-query measurements (latency, throughput, Lucene.Net's share, micro-benchmarks) run with the caches off:
    /// they repeat a fixed mix, which a result cache would answer entirely. <c>replay</c> measures the caches.
    /// </summary>
    public static SearchCacheSettings Uncached { get; } = new() { Enabled = false };

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
            RebuildModes.CountTokens([calibrationText]);
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
                RebuildModes.CountTokens([calibrationText]);
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
        var stream = QueryStream.Generate(CorpusReader.ReadAll(corpus), distinct, requests, seed);
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
        var text = string.Concat(new SyntheticCorpus(CorpusReader.ReadAll(RepoPaths.Corpus)).Generate(5, seed: 1).Select(a => a.Body));
        return text.Length >= 1000 ? text[..1000] : text;
    }
}
