using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

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
    private readonly Lazy<(ServingDirectory Directory, DirectoryReader Reader)> _reader;

    public CorpusIndexFixture()
    {
        Articles = [.. RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile)];
        Summary = IndexRebuilder.Rebuild(RepoPaths.Corpus, IndexDir);
        Searcher = new ArchiveSearcher(IndexDir);
        _reader = new(() =>
        {
            var directory = new ServingDirectory(new IndexLayout(IndexDir).CurrentGeneration()!);
            return (directory, DirectoryReader.Open(directory));
        });
    }

    public string IndexDir => _temp.Combine("index");
    public IReadOnlyList<Article> Articles { get; }
    public RebuildSummary Summary { get; }
    public ArchiveSearcher Searcher { get; }

    /// <summary>A Lucene reader over the serving generation, for tests of the pieces the searcher is made of.</summary>
    public DirectoryReader Reader => _reader.Value.Reader;

    /// <summary>A Lucene searcher over <see cref="Reader"/> that scores as the serving generation's does.</summary>
    public IndexSearcher LuceneSearcher() => new(Reader) { Similarity = new ArchiveSimilarity() };

    /// <summary>The one article with this exact title.</summary>
    public Article ByTitle(string title) => Articles.Single(a => a.Title == title);

    public void Dispose()
    {
        Searcher.Dispose();
        if (_reader.IsValueCreated)
        {
            _reader.Value.Reader.Dispose();
            _reader.Value.Directory.Dispose();
        }
        _temp.Dispose();
    }
}
