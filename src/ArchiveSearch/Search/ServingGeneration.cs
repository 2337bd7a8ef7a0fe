using System.Collections.Concurrent;
using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Article = ArchiveSearch.Ingest.Article;
using ScriptFolding = ArchiveSearch.Ingest.ScriptFolding;

namespace ArchiveSearch.Search;

/// <summary>
/// Keeps the generation an index serves open, read-only (it never takes the write lock). It polls the generation
/// pointer and switches to a new generation within <c>pollInterval</c>; readers are reference counted, so a query
/// in flight finishes on the reader it started with, which is closed after it. A generation that cannot be opened is
/// logged (once) and not served: the one serving stays, and the next poll tries again.
/// </summary>
public sealed partial class ServingGeneration : IDisposable
{
    private readonly IndexLayout _layout;
    private readonly ILogger _logger;
    private readonly Thread _poll;
    private readonly CancellationTokenSource _stopPolling = new();
    private readonly System.Threading.Lock _refreshLock = new();
    private OpenGeneration? _current;
    /// <summary>The last generation that failed to open, so a broken one is logged once rather than every poll.</summary>
    private string? _failed;

    public ServingGeneration(string indexDir, TimeSpan? pollInterval = null, ILogger? logger = null)
    {
        _layout = new IndexLayout(indexDir);
        _logger = logger ?? NullLogger.Instance;
        Refresh();
        // A thread of its own: a thread-pool timer waits behind busy queries, and the switch must come within 2 s.
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(500);
        _poll = new Thread(() => Poll(interval)) { IsBackground = true, Name = "index pointer poll" };
        _poll.Start();
    }

    /// <summary>The serving generation's folder name, or null before the first index exists.</summary>
    public string? Name => Volatile.Read(ref _current)?.Name;

    /// <summary>Opens the generation the pointer names if it is not the one serving. True when it switched.</summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            var path = _layout.CurrentGeneration();
            if (path is null || Path.GetFileName(path) == _current?.Name) return false;
            OpenGeneration next;
            try
            {
                next = OpenGeneration.Open(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed between reading the pointer and opening it (a newer pointer follows), half-copied by hand,
                // corrupt: not served.
                if (_failed != path) CannotOpen(_logger, e, Path.GetFileName(path), path, _current?.Name ?? "nothing");
                _failed = path;
                return false;
            }
            _failed = null;
            var previous = Interlocked.Exchange(ref _current, next);
            previous?.Reader.DecRef();
            return true;
        }
    }

    /// <summary>A reference to the serving generation, released on dispose.</summary>
    /// <exception cref="IndexNotReadyException">No index has been published yet.</exception>
    internal Lease Acquire()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current) ?? throw new IndexNotReadyException(_layout.Root);
            // Fails only when a refresh closed this reader in between; the next read sees its successor.
            if (generation.Reader.TryIncRef()) return new Lease(generation);
        }
    }

    public void Dispose()
    {
        _stopPolling.Cancel();
        _poll.Join();
        _stopPolling.Dispose();
        lock (_refreshLock)
        {
            Interlocked.Exchange(ref _current, null)?.Reader.DecRef();
        }
    }

    private void Poll(TimeSpan interval)
    {
        while (!_stopPolling.Token.WaitHandle.WaitOne(interval))
        {
            try
            {
                Refresh();
            }
            catch (Exception e)
            {
                // The poll thread must outlive whatever one poll meets (an unreadable pointer, say): the next one tries again.
                PollFailed(_logger, e, _layout.PointerPath, Name ?? "nothing");
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Cannot open index generation {Generation} at {Path}; still serving {Serving}")]
    private static partial void CannotOpen(ILogger logger, Exception exception, string generation, string path, string serving);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "Polling the index pointer {Pointer} failed; still serving {Serving}")]
    private static partial void PollFailed(ILogger logger, Exception exception, string pointer, string serving);

    internal readonly struct Lease(OpenGeneration generation) : IDisposable
    {
        public OpenGeneration Generation { get; } = generation;
        public void Dispose() => Generation.Reader.DecRef();
    }

    /// <summary>An open generation: its reader and searcher, and what is cached for it (it never changes).</summary>
    internal sealed class OpenGeneration
    {
        private const int CachedArticles = 4096;

        /// <summary>
        /// Recently read articles, whole. Reading one from stored fields decompresses its chunk up to it (about
        /// 0.15 ms, most of a small query's cost), and the same articles come back page after page. A generation
        /// never changes, so entries never go stale; when the cache is full it starts over.
        /// </summary>
        private readonly ConcurrentDictionary<int, StoredArticle> _articles = new();

        /// <summary>
        /// Each thread's terms and postings enums over this generation's reader. A search holds a lease, so they are only
        /// used while the reader is open; they go with the generation when the collector takes it.
        /// </summary>
        private readonly ThreadLocal<ThreadEnums> _enums;

        private OpenGeneration(string name, DirectoryReader reader)
        {
            Name = name;
            Reader = reader;
            Searcher = new IndexSearcher(reader) { Similarity = new ArchiveSimilarity() };
            _enums = new ThreadLocal<ThreadEnums>(() => new ThreadEnums(Searcher.TopReaderContext));
            ArchiveFacets = new Lazy<FacetCounts>(() =>
            {
                var collector = new FacetingCollector(null, [], [], CancellationToken.None);
                Searcher.Search(new MatchAllDocsQuery(), collector);
                return collector.Counts();
            });
        }

        public string Name { get; }
        public DirectoryReader Reader { get; }
        public IndexSearcher Searcher { get; }
        /// <summary>Section, region and year counts over the whole generation, computed on first use.</summary>
        public Lazy<FacetCounts> ArchiveFacets { get; }

        /// <summary>The calling thread's enums over this generation's reader, for one search (see <see cref="TermStates"/>).</summary>
        public ThreadEnums BorrowEnums() => _enums.Value!.Borrow();

        public Article Article(int docId) => Stored(docId).Article;

        /// <summary>
        /// The article, whole, and whether its body holds its ideographs as the index analysed them
        /// (<see cref="ScriptFolding.KeepsIdeographs"/>), so a word of them is found in its text as written: told once per
        /// article read, as folding a body costs a few microseconds.
        /// </summary>
        public StoredArticle Stored(int docId)
        {
            if (_articles.TryGetValue(docId, out var stored)) return stored;
            var article = ArticleDocument.FromDocument(Searcher.Doc(docId));
            stored = new StoredArticle(article, ScriptFolding.Default.KeepsIdeographs(article.Body));
            if (_articles.Count >= CachedArticles) _articles.Clear();
            _articles[docId] = stored;
            return stored;
        }

        public static OpenGeneration Open(string path) =>
            new(Path.GetFileName(path), DirectoryReader.Open(new ServingDirectory(path)));
    }
}

/// <summary>An article as a generation reads it, and whether a word of ideographs is found in its body as written.</summary>
internal sealed record StoredArticle(Article Article, bool IdeographsAsIndexed);
