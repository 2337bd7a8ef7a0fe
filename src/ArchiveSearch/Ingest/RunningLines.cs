using System.Text;
using System.Text.RegularExpressions;

namespace ArchiveSearch.Ingest;

/// <summary>
/// Finds a laid-out document's running headers and footers ("4.0 信息速报 … 第57期", "— 3 —"): lines at the top or
/// bottom of a page that recur at the same height on most pages once their digits are ignored, and page numbers.
/// </summary>
public static partial class RunningLines
{
    // A page's top and bottom lines this many deep are where headers and footers sit.
    private const int EdgeDepth = 2;

    // Running lines of one kind stand at the same height on every page to within this many points.
    private const double SameHeight = 3;

    /// <summary>The lines without the running headers, footers and page numbers, in the same order.</summary>
    public static IReadOnlyList<LaidOutLine> Remove(IReadOnlyList<LaidOutLine> lines)
    {
        var pages = lines.GroupBy(l => l.Page).ToList();
        var edges = pages.SelectMany(Edges).ToHashSet();
        // Half the pages: a header the cover and the contents do without still runs on the rest.
        var needed = Math.Max(3, (pages.Count + 1) / 2);
        var recurring = edges
            .GroupBy(l => Key(l.Text))
            .SelectMany(g => g.Where(l => g.Count(o => Math.Abs(o.Baseline - l.Baseline) <= SameHeight) >= needed))
            .ToHashSet();
        return [.. lines.Where(l => !(edges.Contains(l) && !Sections.IsHeading(l.Text) && (recurring.Contains(l) || IsPageNumber(l.Text))))];
    }

    private static IEnumerable<LaidOutLine> Edges(IEnumerable<LaidOutLine> page)
    {
        var ordered = page.OrderByDescending(l => l.Baseline).ToList();
        return ordered.Take(EdgeDepth).Concat(ordered.TakeLast(EdgeDepth));
    }

    /// <summary>The text with digits as '#' and no spaces: page 3's footer and page 4's are the same line.</summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c)))
            key.Append(char.IsDigit(c) ? '#' : c);
        return key.ToString();
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Trim());

    // 3, — 3 —, - 3 -, ·3·, 第 3 页, 3 / 40, Page 3, 第3页 共40页.
    [GeneratedRegex(@"^[\s\-—–－~·•]*(?:(?:page|p\.)\s*|第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:[/／]|of|共)\s*\d{1,4}\s*页?)?[\s\-—–－~·•]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
