using DocumentFormat.OpenXml.Wordprocessing;

namespace ArchiveSearch.Ingest;

/// <summary>
/// What a Word paragraph looks like once its style chain (basedOn) and direct formatting are applied: a heading or title
/// style, and the size and weight most of its text has.
/// </summary>
public sealed class DocxStyles(Styles? styles)
{
    // Word stores font sizes in half-points; 10.5 pt (五号) is its default for Chinese body text.
    private const int DefaultHalfPoints = 21;

    /// <param name="Heading">The heading, title or contents style's id, or null for any other paragraph style.</param>
    /// <param name="HalfPoints">Font size in half-points, as Word stores it.</param>
    public sealed record Format(string? Heading, int HalfPoints, bool Bold);

    private readonly Dictionary<string, Style> _byId = styles?.Elements<Style>()
        .Where(s => s.StyleId?.Value is not null)
        .GroupBy(s => s.StyleId!.Value!)
        .ToDictionary(g => g.Key, g => g.First()) ?? [];

    private readonly int _defaultSize = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.FontSize?.Val?.Value
        is { } size && int.TryParse(size, out var halfPoints) ? halfPoints : DefaultHalfPoints;

    public Format Of(Paragraph paragraph)
    {
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value
            ?? _byId.Values.FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
        var chain = Chain(styleId).ToList();
        var runs = paragraph.Descendants<Run>().Where(r => r.Descendants<Text>().Any(t => t.Text.Trim().Length > 0)).ToList();
        // The size and weight of most of the text: a title run with a plain trailing space is still a bold title.
        var sizes = runs.Select(r => (Chars: r.InnerText.Trim().Length, Size: RunSize(r, chain), Bold: RunBold(r, chain))).ToList();
        var chars = sizes.Sum(s => s.Chars);
        var size = sizes.Count == 0 ? StyleSize(chain) : sizes.GroupBy(s => s.Size).MaxBy(g => g.Sum(s => s.Chars))!.Key;
        var bold = sizes.Count == 0 ? StyleBold(chain) : sizes.Where(s => s.Bold).Sum(s => s.Chars) * 2 > chars;
        return new Format(chain.Any(IsHeading) ? chain.First(IsHeading).StyleId!.Value : null, size, bold);
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        var seen = new HashSet<string>();
        while (styleId is not null && seen.Add(styleId) && _byId.TryGetValue(styleId, out var style))
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    /// <summary>Heading 1–9, Title, Subtitle, or a paragraph style with an outline level (what Word's navigation pane lists).</summary>
    private static bool IsHeading(Style style)
    {
        var name = style.StyleName?.Val?.Value ?? style.StyleId?.Value ?? "";
        return name.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Title", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Subtitle", StringComparison.OrdinalIgnoreCase)
            || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9;
    }

    private int RunSize(Run run, List<Style> chain) =>
        run.RunProperties?.FontSize?.Val?.Value is { } size && int.TryParse(size, out var halfPoints) ? halfPoints : StyleSize(chain);

    private static bool RunBold(Run run, List<Style> chain) =>
        run.RunProperties?.Bold is { } bold ? bold.Val?.Value != false : StyleBold(chain);

    private int StyleSize(List<Style> chain) =>
        chain.Select(s => s.StyleRunProperties?.FontSize?.Val?.Value).FirstOrDefault(v => v is not null) is { } size
        && int.TryParse(size, out var halfPoints) ? halfPoints : _defaultSize;

    private static bool StyleBold(List<Style> chain) =>
        chain.Select(s => s.StyleRunProperties?.Bold).FirstOrDefault(b => b is not null) is { } bold && bold.Val?.Value != false;
}
