using System.Text;

namespace ArchiveSearch.Ingest;

/// <summary>
/// Undoes what a PDF's text layer does to Chinese when its font shares one glyph between an ideograph and a radical or
/// between two dashes (Noto CJK does; Chromium's PDFs show it): 八 comes out as the Kangxi radical ⼋, 长 as ⻓, the
/// em dash of 2021—2035 as the horizontal bar ―. Radicals fold to their ideographs (<c>Data/radicals.txt</c>), and the
/// bar to the em dash, which is what Chinese text uses.
/// </summary>
public static class RadicalFolding
{
    private static readonly Lazy<IReadOnlyDictionary<char, char>> _supplement = new(Load);

    public static string Fold(string text)
    {
        if (!text.Any(NeedsFolding))
            return text;
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u2F00' and <= '\u2FDF')
                folded.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            else if (c == '\u2015')
                folded.Append('\u2014');
            else
                folded.Append(_supplement.Value.GetValueOrDefault(c, c));
        }
        return folded.ToString();
    }

    private static bool NeedsFolding(char c) => c is >= '\u2E80' and <= '\u2FDF' or '\u2015';

    private static IReadOnlyDictionary<char, char> Load() =>
        DataFile.Lines("radicals.txt")
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0][0], p => p[1][0]);
}
