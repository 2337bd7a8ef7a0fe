using TestSupport.Documents;

namespace ArchiveSearch.Ingest.Tests;

/// <summary>Documents that cannot give articles are refused with an error naming the file and why.</summary>
[Collection(PublishedIssuesCollection.Collection)]
public sealed class DocumentFailureTests(PublishedIssues documents)
{
    [Fact]
    public void A_scanned_pdf_needs_ocr_first()
    {
        var read = () => CorpusReader.ReadFile(documents.Scan);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == documents.Scan && e.Message.Contains(documents.Scan))
            .Which.Reason.Should().Be("the PDF has no text layer: it needs OCR first");
    }

    [Fact]
    public void A_truncated_pdf_is_damaged()
    {
        var read = () => CorpusReader.ReadFile(documents.Truncated);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == documents.Truncated)
            .Which.Reason.Should().StartWith("damaged PDF");
    }

    [Fact]
    public void A_pdf_cut_short_with_an_end_marker_added_is_still_refused()
    {
        // A good PDF's first third with "%%EOF" appended passes the envelope check; PdfPig must then find it damaged.
        var good = File.ReadAllBytes(documents.Pdf(PrintLayout.Classic, IssueContent.All[0]));
        var path = Path.Combine(documents.Root, "bad", "cut-with-eof.pdf");
        File.WriteAllBytes(path, [.. good[..(good.Length / 3)], .. "\n%%EOF\n"u8.ToArray()]);

        var read = () => CorpusReader.ReadFile(path);

        read.Should().Throw<InvalidCorpusFileException>().Where(e => e.FilePath == path);
    }

    [Fact]
    public void A_password_protected_pdf_says_so()
    {
        var read = () => CorpusReader.ReadFile(documents.Protected);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == documents.Protected)
            .Which.Reason.Should().Contain("password-protected");
    }

    [Fact]
    public void An_empty_word_document_has_no_text()
    {
        var read = () => CorpusReader.ReadFile(documents.EmptyDocx);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == documents.EmptyDocx)
            .Which.Reason.Should().Be("the Word document has no text");
    }

    [Fact]
    public void A_truncated_word_document_is_damaged()
    {
        var read = () => CorpusReader.ReadFile(documents.TruncatedDocx);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == documents.TruncatedDocx)
            .Which.Reason.Should().StartWith("damaged Word document");
    }

    [Fact]
    public void A_word_file_that_is_an_ole_container_is_password_protected_or_an_old_doc()
    {
        // Word saves an encrypted .docx (and a .doc) as an OLE compound file, not a ZIP package: its first sector.
        var path = Path.Combine(documents.Root, "bad", "protected.docx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);

        var read = () => CorpusReader.ReadFile(path);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == path)
            .Which.Reason.Should().Contain("password-protected");
    }

    [Fact]
    public void A_text_file_named_pdf_is_not_a_pdf()
    {
        var path = Path.Combine(documents.Root, "bad", "renamed.pdf");
        File.Copy(TestSupport.RepoPaths.CorpusFile("000"), path, overwrite: true);

        var read = () => CorpusReader.ReadFile(path);

        read.Should().Throw<InvalidCorpusFileException>()
            .Where(e => e.FilePath == path)
            .Which.Reason.Should().Contain("not a PDF");
    }
}
