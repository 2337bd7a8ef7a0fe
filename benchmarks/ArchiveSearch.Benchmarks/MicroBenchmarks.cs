using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Benchmarks;

/// <summary>Parsing one bundled newsletter issue: text to articles, and the whole file read with dates and regions.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string _path = "";
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = CorpusReader.Files(RepoPaths.Corpus).First();
        _text = TextFileDecoder.ReadAllText(_path);
    }

    [Benchmark]
    public ParsedIssue ParseIssue() => IssueParser.Parse(_text);

    [Benchmark]
    public IReadOnlyList<Article> ReadIssueFile() => CorpusReader.ReadFile(_path);
}

/// <summary>Analysis of 1,000 characters of real text: SmartCn words (title, body) and CJK bigrams (their twins).</summary>
[MemoryDiagnoser]
public class TokenizeBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = QueryModes.CalibrationText();

    [Benchmark(Baseline = true)]
    public long SmartCn1000Chars() => RebuildModes.CountTokens([_text]);

    [Benchmark]
    public int Bigrams1000Chars() => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, _text).Count;
}

/// <summary>
/// One query of each kind of the mix, with and without snippets, on the index named by the environment variable
/// BENCH_INDEX, or else on an index of the bundled corpus built in a temporary folder.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private ArchiveSearcher _searcher = null!;
    private string? _temp;

    public static IEnumerable<string> Kinds => QueryMix.Entries.Select(e => e.Kind);

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    [Params(false, true)]
    public bool Snippets { get; set; }

    private SearchRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchIndex.Resolve(out _temp);
        _searcher = new ArchiveSearcher(index, TimeSpan.FromHours(1), cache: QueryModes.Uncached);
        _request = QueryMix.Get(Kind).Request with { Snippets = Snippets };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _searcher.Dispose();
        if (_temp is not null) System.IO.Directory.Delete(_temp, recursive: true);
    }

    [Benchmark]
    public int Search() => _searcher.Search(_request).Hits.Count;
}

/// <summary>
/// Snippet generation alone: ten snippets of the one-word query's top hits, the word found in the bodies' text where
/// folding keeps their ideographs, as the searcher does.
/// </summary>
[MemoryDiagnoser]
public class SnippetBenchmarks
{
    private string? _temp;
    private ServingDirectory _directory = null!;
    private DirectoryReader _reader = null!;
    private (int Doc, string Body, bool IdeographsAsIndexed)[] _hits = [];
    private readonly IReadOnlyList<AnalyzedToken>[] _words = [ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, "创新")];

    [GlobalSetup]
    public void Setup()
    {
        var index = BenchIndex.Resolve(out _temp);
        _directory = new ServingDirectory(new IndexLayout(index).CurrentGeneration()!);   // as the API reads it
        _reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(_reader);
        _hits = [.. searcher.Search(new TermQuery(new Term(ArticleFields.BodyBigrams, "创新")), 10).ScoreDocs
            .Select(d => (d.Doc, Body: searcher.Doc(d.Doc).Get(ArticleFields.Body)))
            .Select(h => (h.Doc, h.Body, ScriptFolding.Default.KeepsIdeographs(h.Body)))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _reader.Dispose();
        _directory.Dispose();
        if (_temp is not null) System.IO.Directory.Delete(_temp, recursive: true);
    }

    /// <summary>A page of ten, built at once as the searcher does.</summary>
    [Benchmark]
    public int TenSnippets() => SnippetBuilder.Build(_reader, _hits, _words).Sum(s => s.Length);
}

/// <summary>The index the micro-benchmarks query: BENCH_INDEX, or one built from the bundled corpus in a temp folder.</summary>
internal static class BenchIndex
{
    /// <param name="temp">The temp folder to delete afterwards, when one was built.</param>
    public static string Resolve(out string? temp)
    {
        temp = null;
        var index = Environment.GetEnvironmentVariable("BENCH_INDEX");
        if (!string.IsNullOrEmpty(index)) return index;
        temp = Path.Combine(Path.GetTempPath(), "archive-bench-" + Guid.NewGuid().ToString("N"));
        IndexRebuilder.Rebuild(RepoPaths.Corpus, temp);
        return temp;
    }
}
