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
        CheckEnvelope(path);
        var lines = new List<LaidOutLine>();
        try
        {
            // ActualText: where a font shares one glyph between characters (户 and 戶 in Noto CJK), the writer may say
            // which character it set; the glyph's ToUnicode entry names only one of them.
            using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, UseActualText = true });
            if (document.NumberOfPages > MaxPages)
                throw new InvalidCorpusFileException(path, $"{document.NumberOfPages} pages: more than the {MaxPages} an issue can have");
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancel.ThrowIfCancellationRequested();
                lines.AddRange(PdfLines.FromPage(document.GetPage(number)));
            }
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
        if (lines.Count == 0)
            throw new InvalidCorpusFileException(path, "the PDF has no text layer: it needs OCR first");
        return lines;
    }

    /// <summary>A PDF starts with "%PDF-" and ends with "%%EOF"; a file cut short in a copy or download does not.</summary>
    private static void CheckEnvelope(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[Math.Min(EndMarkerWindow, file.Length)];
        file.ReadExactly(head);
        if (!Encoding.ASCII.GetString(head).Contains("%PDF-", StringComparison.Ordinal))
            throw new InvalidCorpusFileException(path, "not a PDF (no %PDF- header)");
        file.Seek(-head.Length, SeekOrigin.End);
        file.ReadExactly(head);
        if (!Encoding.ASCII.GetString(head).Contains("%%EOF", StringComparison.Ordinal))
            throw new InvalidCorpusFileException(path, "damaged PDF: it ends without %%EOF (truncated?)");
    }
}
