using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ArchiveSearch.Ingest;

/// <summary>
/// Reads a newsletter issue from a Word document (DocumentFormat.OpenXml): the body's paragraphs in order, with those
/// in a heading or title style, or set bold or larger than the body text, marked for <see cref="IssueParser"/>.
/// Headers and footers live in parts of their own and are not read; field codes (a contents' PAGEREF) are skipped.
/// </summary>
public static class DocxIssueReader
{
    // Bytes that open an OLE compound file: an encrypted .docx (or an old .doc) is one, not a ZIP package.
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static IReadOnlyList<IssueParagraph> Read(string path)
    {
        if (StartsWithCompoundFile(path))
            throw new InvalidCorpusFileException(path, "password-protected or an old binary .doc: save it as an unprotected .docx first");
        List<(string Text, DocxStyles.Format Format)> paragraphs;
        try
        {
            using var document = WordprocessingDocument.Open(path, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InvalidCorpusFileException(path, "not a Word document (no document body)");
            var styles = new DocxStyles(document.MainDocumentPart.StyleDefinitionsPart?.Styles);
            paragraphs = [.. body.Descendants<Paragraph>()
                .Select(p => (Text: Text(p), Format: styles.Of(p)))
                .Where(p => !string.IsNullOrWhiteSpace(p.Text))];
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException)
        {
            throw new InvalidCorpusFileException(path, $"damaged Word document: {e.Message}");
        }
        if (paragraphs.Count == 0)
            throw new InvalidCorpusFileException(path, "the Word document has no text");

        var bodySize = paragraphs.GroupBy(p => p.Format.HalfPoints).MaxBy(g => g.Sum(p => p.Text.Length))!.Key;
        return [.. paragraphs.Select(p => new IssueParagraph(p.Text.Trim(), Style(p.Format, bodySize)))];
    }

    private static bool StartsWithCompoundFile(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[CompoundFile.Length];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(CompoundFile);
    }

    private static string? Style(DocxStyles.Format format, int bodySize) =>
        format.Heading is { } heading ? heading
        : format.HalfPoints > bodySize || format.Bold ? $"{format.HalfPoints / 2.0}pt{(format.Bold ? " bold" : "")}"
        : null;

    /// <summary>The paragraph's text: runs, tabs as '\t', breaks as line joins; deleted text and field codes left out.</summary>
    private static string Text(Paragraph paragraph)
    {
        var lines = new List<string> { "" };
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    lines[^1] += t.Text;
                    break;
                case TabChar:
                    lines[^1] += "\t";
                    break;
                case Break or CarriageReturn:
                    lines.Add("");
                    break;
            }
        }
        return lines.Aggregate("", (a, b) => ChineseText.Join(a.TrimEnd(), b.Trim()));
    }
}
