using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;

namespace TestSupport;

/// <summary>
/// A real on-disk index built once from the bundled corpus in a temp folder, with a searcher over it and the
/// parsed articles to compare against. Each test project shares one through a collection named
/// <see cref="Collection"/> (xunit finds collection definitions only in the test assembly itself).
/// </summary>
public sealed class CorpusIndexFixture : IDisposable
{
    public const string Collection = "corpus index";

    private readonly TempDirectory _temp = new();

    public CorpusIndexFixture()
    {
        Articles = [.. RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile)];
        Summary = IndexRebuilder.Rebuild(RepoPaths.Corpus, IndexDir);
        Searcher = new ArchiveSearcher(IndexDir);
    }

    public string IndexDir => _temp.Combine("index");
    public IReadOnlyList<Article> Articles { get; }
    public RebuildSummary Summary { get; }
    public ArchiveSearcher Searcher { get; }

    /// <summary>The one article with this exact title.</summary>
    public Article ByTitle(string title) => Articles.Single(a => a.Title == title);

    public void Dispose()
    {
        Searcher.Dispose();
        _temp.Dispose();
    }
}
