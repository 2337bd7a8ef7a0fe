using System.CommandLine;
using BenchmarkDotNet.Running;

namespace ArchiveSearch.Benchmarks;

/// <summary>The console modes of benchmarks/run and the BenchmarkDotNet hot paths, each a command with declared options.</summary>
public static class BenchCommands
{
    public static RootCommand Create()
    {
        var corpus = Required<string>("--corpus", "DIR", "The corpus folder (.txt issues, .jsonl articles).");
        var index = Required<string>("--index", "DIR", "The index folder.");
        var rounds = Optional("--rounds", "N", "Rounds of the query mix.", 200);

        var maxChars = Optional("--max-chars", "N", "Characters to tokenise at most.", 4_000_000L);
        var tokenize = new Command("tokenize", "Single-thread SmartCn throughput over the corpus text, and its raw size.") { corpus, maxChars };
        tokenize.SetAction(p => RebuildModes.Tokenize(p.GetRequiredValue(corpus), p.GetValue(maxChars)));

        var latency = new Command("latency", "Per-query latency of the mix, with and without snippets, on one thread.") { index, rounds };
        latency.SetAction(p => QueryModes.Latency(p.GetRequiredValue(index), p.GetValue(rounds)));

        var luceneShare = new Command("lucene-share", "Lucene.Net alone on each query of the mix beside the whole search.") { index, rounds };
        luceneShare.SetAction(p => QueryModes.LuceneShare(p.GetRequiredValue(index), p.GetValue(rounds)));

        var rebuildStages = new Command("rebuild-stages", "One rebuild in process with the time of each stage.") { corpus, index };
        rebuildStages.SetAction(p => RebuildModes.RebuildStages(p.GetRequiredValue(corpus), p.GetRequiredValue(index)));

        var articles = Optional("--articles", "N", "Articles to measure on.", 2000);
        var rebuildCosts = new Command("rebuild-costs", "The costs of a rebuild's parts over the same N articles.") { corpus, articles };
        rebuildCosts.SetAction(p => RebuildModes.RebuildCosts(p.GetRequiredValue(corpus), p.GetValue(articles)));

        var filtersOnly = new Option<bool>("--filters-only") { Description = "Time the char filters alone, not indexing and queries." };
        var folding = new Command("folding", "The script folding's cost: char filters, indexing and the query mix, with and without it in one run.")
        {
            corpus, index, articles, rounds, filtersOnly,
        };
        folding.SetAction(p => FoldingMode.Run(p.GetRequiredValue(corpus), p.GetRequiredValue(index), p.GetValue(articles),
            p.GetValue(rounds), p.GetValue(filtersOnly)));

        var threads = Optional("--threads", "N", "Threads searching at once.", 16);
        var seconds = Optional("--seconds", "S", "How long to run.", 8.0);
        var throughput = new Command("throughput", "The mix run by N threads at once in process: queries a second and CPU per query.")
        {
            index, threads, seconds,
        };
        throughput.SetAction(p => QueryModes.Throughput(p.GetRequiredValue(index), p.GetValue(threads), p.GetValue(seconds)));

        var distinct = Optional("--queries", "N", "Distinct queries in the stream.", 3000);
        var requests = Optional("--requests", "N", "Requests in the stream.", 30_000);
        var seed = Optional("--seed", "S", "The random seed: the same seed gives the same stream.", 1);
        var outFile = Required<string>("--out", "FILE", "Where to write the stream (one /api/search path a line).");
        var zipfStream = new Command("zipf-stream", "A realistic query stream from the corpus's vocabulary, asked with Zipf frequencies (s = 1).")
        {
            corpus, distinct, requests, seed, outFile,
        };
        zipfStream.SetAction(p => QueryModes.ZipfStream(p.GetRequiredValue(corpus), p.GetValue(distinct), p.GetValue(requests),
            p.GetValue(seed), p.GetRequiredValue(outFile)));

        var stream = Required<string>("--stream", "FILE", "A stream written by zipf-stream.");
        var noCache = new Option<bool>("--no-cache") { Description = "Turn the search caches off (the baseline)." };
        var replayThreads = Optional("--threads", "N", "Threads searching at once.", 2);
        var replay = new Command("replay", "Replays a stream in process from cold caches: p50/p99, queries a second, the cache hit rate.")
        {
            index, stream, replayThreads, noCache,
        };
        replay.SetAction(p => QueryModes.Replay(p.GetRequiredValue(index), p.GetRequiredValue(stream), p.GetValue(replayThreads),
            !p.GetValue(noCache)));

        var documentRounds = Optional("--rounds", "N", "Rounds of parsing each document.", 10);
        var parseDocuments = new Command("parse-documents",
            "PDF and DOCX parse time per issue and per page against the text path, on issues printed as the tests print them.")
        {
            documentRounds,
        };
        parseDocuments.SetAction(p => DocumentParsing.Run(p.GetValue(documentRounds)));

        var buildA = Required<string>("--a", "DIR", "A build of src/ArchiveSearch (its output folder, with ArchiveSearch.deps.json).");
        var buildB = Required<string>("--b", "DIR", "The build to compare it with.");
        var abSeconds = Optional("--seconds", "S", "How long each query of the mix runs, both builds together.", 20.0);
        var abSnippets = new Option<bool>("--snippets") { Description = "Ask for snippets, as the API does by default." };
        var compare = new Command("compare", "Two builds in one process, each query of the mix through each in turns: CPU per query and the ratio per pair.")
        {
            index, buildA, buildB, abSeconds, abSnippets,
        };
        compare.SetAction(p => BuildComparison.Run(p.GetRequiredValue(index), p.GetRequiredValue(buildA), p.GetRequiredValue(buildB),
            p.GetValue(abSeconds), p.GetValue(abSnippets)));

        var kinds = new Option<bool>("--kinds") { Description = "Begin each line with the query's kind and a tab (for benchmarks/xapian/mix.py)." };
        var issueSix = new Option<bool>("--issue-six") { Description = "Only the six queries the caches issue's floors name (all but natural)." };
        var urls = new Command("urls", "The mix as /api/search paths, one a line, for the wrk script.") { kinds, issueSix };
        urls.SetAction(p => QueryModes.Urls(p.GetValue(kinds), p.GetValue(issueSix)));

        var raw = Required<string>("--raw", "FILE", "The raw figures of one benchmarks/run (CSV).");
        var outDir = new Option<string>("--out") { HelpName = "DIR", Description = "Where to write them (default: beside --raw)." };
        var report = new Command("report", "Turns one run's raw figures into results.md, results.csv and chart.svg.") { raw, outDir };
        report.SetAction(p => Report.Run(p.GetRequiredValue(raw), p.GetValue(outDir)));

        // BenchmarkDotNet parses its own options (--filter, --job, --artifacts …) and rejects unknown ones itself.
        var micro = new Command("micro", "The BenchmarkDotNet hot paths; the remaining arguments go to BenchmarkDotNet (e.g. --filter '*' --job short).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        micro.SetAction(p =>
        {
            BenchmarkSwitcher.FromAssembly(typeof(BenchCommands).Assembly).Run([.. p.UnmatchedTokens]);
            return 0;
        });

        return new RootCommand("Measurements for benchmarks/run (see docs/performance.md).")
        {
            tokenize, latency, luceneShare, rebuildStages, rebuildCosts, folding, throughput, compare, parseDocuments, zipfStream, replay, urls, report, micro,
        };
    }

    private static Option<T> Required<T>(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Required = true };

    private static Option<T> Optional<T>(string name, string helpName, string description, T fallback) =>
        new(name) { HelpName = helpName, Description = description, DefaultValueFactory = _ => fallback };
}
