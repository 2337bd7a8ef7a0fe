using System.Runtime.ExceptionServices;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ArchiveSearch.Ingest;

/// <summary>
/// Reads a newsletter issue from a PDF's text layer (PdfPig): the lines of each page, without running headers,
/// footers and page numbers, joined into paragraphs with the larger and bold ones marked, for <see cref="IssueParser"/>.
/// </summary>
public static class PdfIssueReader
{
    /// <summary>An issue has about 40 pages; a file with more is not one, and is refused before it is read.</summary>
    public const int MaxPages = 500;

    /// <summary>A 40-page issue reads in well under a second; a file still being read after this is refused.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);

    /// <summary>An issue is a few megabytes; a file over this is refused rather than read into memory.</summary>
    public const long MaxBytes = 256L << 20;

    // Runs of fewer pages are not worth a document of their own (opening one takes a few milliseconds).
    private const int PagesPerWorker = 4;

    // The spec puts "%%EOF" at the very end; writers may add a little after it. A file cut short has none.
    private const int EndMarkerWindow = 1024;

    public static IReadOnlyList<IssueParagraph> Read(string path)
    {
        using var cancel = new CancellationTokenSource();
        // PdfPig reads synchronously: on its own thread the wait can give up on a file that never finishes, and
        // cancelling stops the reading at the next page.
        var reading = Task.Factory.StartNew(() => ReadLines(path, cancel.Token), cancel.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return LineParagraphs.Join(RunningLines.Remove(reading.WaitAsync(MaxTime).GetAwaiter().GetResult()));
        }
        catch (TimeoutException)
        {
            cancel.Cancel();
            throw new InvalidCorpusFileException(path, $"reading the PDF took longer than {MaxTime.TotalSeconds:0} s; it may be damaged");
        }
    }

    private static List<LaidOutLine> ReadLines(string path, CancellationToken cancel)
    {
        if (new FileInfo(path).Length > MaxBytes)
            throw new InvalidCorpusFileException(path, $"larger than {MaxBytes >> 20} MB: not a newsletter issue");
        var bytes = File.ReadAllBytes(path);
        CheckEnvelope(path, bytes);
        var pages = Guard(path, () =>
        {
            using var document = Open(bytes);
            return document.NumberOfPages;
        });
        if (pages > MaxPages)
            throw new InvalidCorpusFileException(path, $"{pages} pages: more than the {MaxPages} an issue can have");

        // PdfPig spends most of a page parsing the glyph procedures of the Type 3 fonts Chromium and others embed, and
        // caches them per page only: pages share nothing, so runs of pages read in parallel, each on its own document
        // (a PdfDocument is not thread-safe). A 40-page issue: 1.2 s on one core, see docs/performance.md.
        var workers = Math.Clamp(pages / PagesPerWorker, 1, Environment.ProcessorCount);
        var perWorker = (pages + workers - 1) / workers;
        var runs = new List<LaidOutLine>[workers];
        try
        {
            Parallel.For(0, workers, new ParallelOptions { CancellationToken = cancel }, worker =>
                runs[worker] = Guard(path, () => ReadPages(bytes, worker * perWorker + 1, Math.Min(pages, (worker + 1) * perWorker), cancel)));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidCorpusFileException>().FirstOrDefault() is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }
        var lines = runs.SelectMany(r => r).ToList();
        if (lines.Count == 0)
            throw new InvalidCorpusFileException(path, "the PDF has no text layer: it needs OCR first");
        return lines;
    }

    private static List<LaidOutLine> ReadPages(byte[] bytes, int first, int last, CancellationToken cancel)
    {
        using var document = Open(bytes);
        var lines = new List<LaidOutLine>();
        for (var number = first; number <= last; number++)
        {
            cancel.ThrowIfCancellationRequested();
            lines.AddRange(PdfLines.FromPage(document.GetPage(number)));
        }
        return lines;
    }

    // ActualText: where a font shares one glyph between characters (户 and 戶 in Noto CJK), the writer may say which
    // character it set; the glyph's ToUnicode entry names only one of them.
    private static PdfDocument Open(byte[] bytes) =>
        PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, UseActualText = true });

    /// <summary>Runs a PdfPig call, turning what it throws for a protected or damaged file into an error naming the file.</summary>
    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new InvalidCorpusFileException(path, "the PDF is password-protected: save it without a password first");
        }
        catch (Exception e) when (e is not (InvalidCorpusFileException or OperationCanceledException or OutOfMemoryException))
        {
            // PdfPig throws many kinds of exception for a damaged file; each means the same here.
            throw new InvalidCorpusFileException(path, $"damaged PDF: {e.Message}");
        }
    }

    /// <summary>A PDF starts with "%PDF-" and ends with "%%EOF"; a file cut short in a copy or download does not.</summary>
    private static void CheckEnvelope(string path, byte[] bytes)
    {
        var window = Math.Min(EndMarkerWindow, bytes.Length);
        if (!Encoding.ASCII.GetString(bytes, 0, window).Contains("%PDF-", StringComparison.Ordinal))
            throw new InvalidCorpusFileException(path, "not a PDF (no %PDF- header)");
        if (!Encoding.ASCII.GetString(bytes, bytes.Length - window, window).Contains("%%EOF", StringComparison.Ordinal))
            throw new InvalidCorpusFileException(path, "damaged PDF: it ends without %%EOF (truncated?)");
    }
}
