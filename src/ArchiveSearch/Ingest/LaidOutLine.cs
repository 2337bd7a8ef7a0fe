namespace ArchiveSearch.Ingest;

/// <summary>
/// One line of text where a page sets it, in points from the page's bottom left (PDF user space): what
/// <see cref="PdfLines"/> reads from a page and <see cref="LineParagraphs"/> joins into paragraphs.
/// </summary>
/// <param name="Page">The page, from 1.</param>
/// <param name="Left">Where the first letter starts.</param>
/// <param name="Right">Where the last letter ends.</param>
/// <param name="Baseline">The baseline's height on the page.</param>
/// <param name="Size">The font size most of the line is set in, in points.</param>
/// <param name="Bold">Whether most of the line is bold.</param>
public sealed record LaidOutLine(int Page, string Text, double Left, double Right, double Baseline, double Size, bool Bold);
