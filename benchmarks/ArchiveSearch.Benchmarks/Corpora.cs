using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Benchmarks;

/// <summary>The corpora the measurements read: the bundled one, or a synthetic one benchmarks/run writes.</summary>
public static class Corpora
{
    public static string Bundled() => RepoPaths.Corpus;

    public static IReadOnlyList<Article> BundledArticles() => Read(Bundled());

    public static List<Article> Read(string dir) =>
        [.. CorpusReader.Files(dir).SelectMany(CorpusReader.ReadFile)];
}
