using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ArchiveSearch.Ingest;

/// <summary>Groups a PDF page's letters into lines, top to bottom, each with its position, size and weight.</summary>
public static class PdfLines
{
    // Letters whose baselines differ by less than this share of their size sit on one line (CJK and Latin glyphs
    // of one line share a baseline; a superscript or the next line is further away).
    private const double SameLine = 0.4;

    // A gap wider than this share of the font size between two letters is a space the PDF did not write as a glyph;
    // a justified Chinese line spreads its characters by far less.
    private const double SpaceGap = 0.3;

    // A gap this many font sizes wide is a tab: a contents page number set apart from its title, or two columns of a header.
    private const double TabGap = 1.5;

    public static IReadOnlyList<LaidOutLine> FromPage(Page page) => FromLetters(page.Number, page.Letters);

    public static IReadOnlyList<LaidOutLine> FromLetters(int page, IReadOnlyList<Letter> letters)
    {
        // Rotated text (a watermark, a margin note) is not part of the reading flow.
        var upright = letters.Where(l => l.TextOrientation == TextOrientation.Horizontal && l.Value.Length > 0)
            .OrderByDescending(l => l.StartBaseLine.Y)
            .ToList();
        var lines = new List<LaidOutLine>();
        var current = new List<Letter>();
        foreach (var letter in upright)
        {
            if (current.Count > 0 && current[0].StartBaseLine.Y - letter.StartBaseLine.Y > SameLine * Math.Max(letter.PointSize, current[0].PointSize))
            {
                AddLine(lines, page, current);
                current = [];
            }
            current.Add(letter);
        }
        AddLine(lines, page, current);
        return lines;
    }

    private static void AddLine(List<LaidOutLine> lines, int page, List<Letter> letters)
    {
        var ordered = letters.OrderBy(l => l.StartBaseLine.X).ToList();
        var glyphs = ordered.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (glyphs.Count == 0)
            return;
        var size = glyphs.GroupBy(l => Math.Round(l.PointSize, 1)).MaxBy(g => g.Count())!.Key;
        var bold = glyphs.Count(IsBold) * 2 > glyphs.Count;
        lines.Add(new LaidOutLine(page, Text(ordered), glyphs[0].StartBaseLine.X, glyphs[^1].EndBaseLine.X,
            glyphs[0].StartBaseLine.Y, size, bold));
    }

    private static string Text(List<Letter> ordered)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in ordered)
        {
            if (previous is not null && !string.IsNullOrWhiteSpace(letter.Value) && !string.IsNullOrWhiteSpace(previous.Value))
            {
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                var size = Math.Max(letter.PointSize, previous.PointSize);
                if (gap > TabGap * size)
                    text.Append('\t');
                else if (gap > SpaceGap * size)
                    text.Append(' ');
            }
            text.Append(letter.Value);
            previous = letter;
        }
        return RadicalFolding.Fold(text.ToString().Trim());
    }

    /// <summary>A bold font (by its flags or name), or regular glyphs filled and stroked, which is how a PDF fakes bold.</summary>
    private static bool IsBold(Letter letter) =>
        letter.FontDetails?.IsBold == true
        || letter.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true
        || letter.FontName?.Contains("Heavy", StringComparison.OrdinalIgnoreCase) == true
        || letter.FontName?.Contains("Black", StringComparison.OrdinalIgnoreCase) == true
        || letter.RenderingMode is TextRenderingMode.FillThenStroke or TextRenderingMode.FillThenStrokeClip;
}
