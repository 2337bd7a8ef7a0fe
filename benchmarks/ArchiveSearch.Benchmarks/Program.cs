using System.Globalization;
using System.Text;
using ArchiveSearch.Benchmarks;
using BenchmarkDotNet.Running;

Console.OutputEncoding = new UTF8Encoding(false);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Console modes for benchmarks/run; anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
return args.FirstOrDefault() switch
{
    "tokenize" => ConsoleModes.Tokenize(args[1..]),
    "latency" => ConsoleModes.Latency(args[1..]),
    "rebuild-stages" => ConsoleModes.RebuildStages(args[1..]),
    "rebuild-costs" => ConsoleModes.RebuildCosts(args[1..]),
    "throughput" => ConsoleModes.Throughput(args[1..]),
    "lucene-share" => ConsoleModes.LuceneShare(args[1..]),
    "urls" => ConsoleModes.Urls(args[1..]),
    "parse-documents" => DocumentParsing.Run(args[1..]),
    "report" => Report.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ConsoleModes).Assembly).Run(args);
    return 0;
}
