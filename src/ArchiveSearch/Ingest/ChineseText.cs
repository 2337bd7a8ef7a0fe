using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArchiveSearch.Ingest;

/// <summary>Small text rules for Chinese set in a fixed-width layout.</summary>
public static partial class ChineseText
{
    /// <summary>Display width: CJK characters and full-width punctuation count 2, Latin letters, digits and spaces 1.</summary>
    public static int Width(string s)
    {
        var width = 0;
        foreach (var c in s)
            width += IsWide(c) ? 2 : 1;
        return width;
    }

    /// <summary>True for characters a Chinese layout sets full width (ideographs, CJK and full-width punctuation, curly quotes, dashes).</summary>
    public static bool IsWide(char c) =>
        c >= '\u2E80' || c is >= '\u2010' and <= '\u206F' || c is '\u00D7' or '\u00B7';

    /// <summary>Whether the text ends a sentence: 。！？；：… possibly followed by a closing quote or bracket.</summary>
    public static bool EndsSentence(string s)
    {
        var t = s.TrimEnd();
        if (t.Length == 0)
            return false;
        var last = t[^1];
        if (last is '。' or '！' or '？' or '；' or '：' or '…' or '!' or '?')
            return true;
        return last is '”' or '’' or '）' or '》' or '」' or ')' && t.Length > 1 && EndsSentence(t[..^1]);
    }

    /// <summary>Joins a line to the text before it: Chinese runs straight on, Latin words and numbers get one space.</summary>
    public static string Join(string before, string after)
    {
        if (before.Length == 0)
            return after;
        if (after.Length == 0)
            return before;
        return char.IsAsciiLetterOrDigit(before[^1]) && char.IsAsciiLetterOrDigit(after[0])
            ? before + " " + after
            : before + after;
    }

    /// <summary>
    /// Tidies spacing: PDF text puts spaces around numbers and Latin words inside Chinese ("3月 5日", "2024 年"); those go.
    /// A space between two Chinese phrases is kept (titles use it as a separator), other runs collapse to one space.
    /// </summary>
    public static string NormalizeSpaces(string s)
    {
        s = Whitespace().Replace(s.Trim(), " ");
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == ' ' && i > 0 && i + 1 < s.Length && IsWide(s[i - 1]) != IsWide(s[i + 1]))
                continue;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    /// <summary>Key for comparing titles that differ only in spacing and dash style.</summary>
    public static string ComparisonKey(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c == '.')
                continue;
            sb.Append(CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : c);
        }
        return sb.ToString();
    }

    /// <summary>Dice coefficient over character bigrams of the comparison keys: 1 for the same title, near 1 for a reworded one.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(ComparisonKey(a));
        var y = Bigrams(ComparisonKey(b));
        if (x.Count == 0 || y.Count == 0)
            return 0;
        var common = 0;
        var pool = y.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        foreach (var g in x)
        {
            if (pool.TryGetValue(g, out var n) && n > 0)
            {
                common++;
                pool[g] = n - 1;
            }
        }
        return 2.0 * common / (x.Count + y.Count);
    }

    private static List<string> Bigrams(string s) =>
        [.. Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
