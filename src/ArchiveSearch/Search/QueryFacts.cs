using System.Text.RegularExpressions;
using ArchiveSearch.Ingest;

namespace ArchiveSearch.Search;

/// <summary>
/// Years and places a query word names, which the filters could also express: the query prefers articles dated in
/// the year or tagged with the place (a boost), and relaxation gives the word up before topic words.
/// </summary>
internal static partial class QueryFacts
{
    /// <summary>The year a word names (2022, 2022年), or null.</summary>
    public static int? Year(string word) =>
        YearPattern().Match(word) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The region tag a word names whole (常州, 常州市, 江苏省, 武进), as articles are tagged, or null. 全国 names no
    /// place here (全国首个 means "first in the country", not national bodies), and neither do groups (长三角).
    /// </summary>
    public static string? Place(string word)
    {
        // Only a tag, or a tag and its suffix, can name one: most words are neither, and extracting from each was 1% of
        // a search on the bundled mix.
        var gazetteer = RegionGazetteer.Default;
        if (!gazetteer.IsKnown(word) && !(word.Length > 1 && Suffixes.Contains(word[^1]) && gazetteer.IsKnown(word[..^1]))) return null;
        var tags = gazetteer.Extract(word);
        if (tags.Count == 0) return null;
        var tag = tags[^1];
        if (tag == RegionGazetteer.Nationwide) return null;
        return word == tag || (word.Length == tag.Length + 1 && word.StartsWith(tag, StringComparison.Ordinal) && Suffixes.Contains(word[^1]))
            ? tag
            : null;
    }

    private const string Suffixes = "省市区县";

    [GeneratedRegex(@"^((?:19|20)\d\d)年?$")]
    private static partial Regex YearPattern();
}
