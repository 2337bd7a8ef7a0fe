using System.Diagnostics;
using System.Text;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using Lucene.Net.Analysis.TokenAttributes;
using static ArchiveSearch.Benchmarks.ModeOutput;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// The in-process measurements of indexing (<c>tokenize</c>, <c>rebuild-stages</c>, <c>rebuild-costs</c>), each printing
/// <c>name=value</c> lines for benchmarks/run.
/// </summary>
public static class RebuildModes
{
    /// <summary>
    /// <c>tokenize --corpus DIR [--max-chars N]</c>: single-thread SmartCn throughput over the corpus text (title and
    /// body of each article, in file order, up to N characters), and the corpus's raw text size.
    /// </summary>
    public static int Tokenize(string corpus, long maxChars)
    {
        var articles = CorpusReader.ReadAll(corpus);
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
        var articles = CorpusReader.ReadAll(corpus).Take(count).ToList();
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
}
