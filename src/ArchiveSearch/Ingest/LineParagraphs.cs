namespace ArchiveSearch.Ingest;

/// <summary>
/// Joins laid-out lines into the paragraphs of an issue: a body line runs on into the next when the next starts at the
/// column's left edge (not indented, not centred), a line pitch below or at the top of the next page, and, in a layout
/// that does not indent paragraphs, the line reaches the column's right edge. Lines set larger or bold run on while
/// they keep their style and stay close (a title wrapped over two lines is one title).
/// </summary>
public static class LineParagraphs
{
    // A line set this much larger than the body text, or bold when the body is not, is set apart: a heading or title.
    private const double LargerThanBody = 1.1;

    // A full line ends within this many characters of the column's right edge (the next character did not fit, or a
    // Latin word went down to the next line).
    private const double FullLineSlack = 2.5;

    // A line starting more than this share of a character right of the column's left edge is indented or centred.
    private const double FlushSlack = 0.5;

    // Two lines of one paragraph are a line pitch apart; paragraph spacing adds to it, a wrapped title keeps to its own.
    private const double PitchSlack = 1.25;
    private const double StyledLineHeight = 2.0;

    public static IReadOnlyList<IssueParagraph> Join(IReadOnlyList<LaidOutLine> lines)
    {
        if (lines.Count == 0)
            return [];
        var body = BodyStyle(lines);
        var column = lines.Where(l => IsBody(l, body)).GroupBy(l => l.Page)
            .ToDictionary(g => g.Key, g => (Left: g.Min(l => l.Left), Right: g.Max(l => l.Right)));
        var pitch = Pitch(lines, body);
        var indented = UsesIndents(lines, body, column);

        var paragraphs = new List<IssueParagraph>();
        var text = lines[0].Text;
        for (var i = 1; i <= lines.Count; i++)
        {
            if (i < lines.Count && RunsOn(lines[i - 1], lines[i], body, column, pitch, indented))
            {
                text = ChineseText.Join(text.TrimEnd(), lines[i].Text.TrimStart());
                continue;
            }
            paragraphs.Add(new IssueParagraph(text, Style(lines[i - 1], body)));
            if (i < lines.Count)
                text = lines[i].Text;
        }
        return paragraphs;
    }

    private static bool RunsOn(LaidOutLine previous, LaidOutLine next, (double Size, bool Bold) body,
        Dictionary<int, (double Left, double Right)> column, double pitch, bool indented)
    {
        var style = Style(previous, body);
        if (style != Style(next, body) || Sections.IsHeading(previous.Text) || Sections.IsHeading(next.Text)
            || IssueParser.IsLeaderedContentsLine(previous.Text))
            return false;
        var samePage = previous.Page == next.Page;
        var drop = previous.Baseline - next.Baseline;
        if (style is not null)
            return samePage && drop > 0 && drop <= StyledLineHeight * previous.Size;
        if (!column.TryGetValue(previous.Page, out var before) || !column.TryGetValue(next.Page, out var after))
            return false;
        // Where paragraphs open with an indent, a line flush with the column continues one (the line before may end
        // short of the edge when a Latin word went down); without indents only a full line can run on.
        var flush = next.Left <= after.Left + FlushSlack * next.Size;
        var full = previous.Right >= before.Right - FullLineSlack * previous.Size;
        if (!flush || !indented && !full)
            return false;
        if (samePage)
            return drop > 0 && drop <= PitchSlack * pitch;
        // At the top of a new page, without indents, a sentence end is taken as the end of the paragraph.
        return indented || !ChineseText.EndsSentence(previous.Text);
    }

    /// <summary>Null for body text; else the size and weight that set the line apart.</summary>
    private static string? Style(LaidOutLine line, (double Size, bool Bold) body) =>
        IsBody(line, body) ? null : $"{Math.Round(line.Size * 2) / 2}pt{(line.Bold ? " bold" : "")}";

    private static bool IsBody(LaidOutLine line, (double Size, bool Bold) body) =>
        line.Size < body.Size * LargerThanBody && (!line.Bold || body.Bold);

    /// <summary>The size and weight most of the text is set in.</summary>
    private static (double Size, bool Bold) BodyStyle(IReadOnlyList<LaidOutLine> lines) =>
        lines.GroupBy(l => (Size: Math.Round(l.Size * 2) / 2, l.Bold)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;

    /// <summary>The usual distance between the baselines of two body lines on a page.</summary>
    private static double Pitch(IReadOnlyList<LaidOutLine> lines, (double Size, bool Bold) body)
    {
        var drops = lines.Zip(lines.Skip(1))
            .Where(p => p.First.Page == p.Second.Page && IsBody(p.First, body) && IsBody(p.Second, body))
            .Select(p => Math.Round(p.First.Baseline - p.Second.Baseline, 1))
            .Where(d => d > 0)
            .ToList();
        return drops.Count == 0 ? body.Size * 2 : drops.GroupBy(d => d).MaxBy(g => g.Count())!.Key;
    }

    /// <summary>Whether paragraphs open with an indent: a fair share of body lines start one to three characters in.</summary>
    private static bool UsesIndents(IReadOnlyList<LaidOutLine> lines, (double Size, bool Bold) body,
        Dictionary<int, (double Left, double Right)> column)
    {
        var bodyLines = lines.Where(l => IsBody(l, body)).ToList();
        var indents = bodyLines.Count(l =>
            l.Left - column[l.Page].Left is var inset && inset >= 0.8 * l.Size && inset <= 3.2 * l.Size);
        return indents * 20 >= bodyLines.Count;
    }
}
