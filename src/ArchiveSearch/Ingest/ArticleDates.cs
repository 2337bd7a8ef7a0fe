using System.Text.RegularExpressions;

namespace ArchiveSearch.Ingest;

/// <summary>Finds the dates an issue and its articles are about.</summary>
public static partial class ArticleDates
{
    /// <summary>
    /// A date written in the text; <see cref="Year"/> is null for a month and day alone ("1月20日").
    /// <see cref="Prospective"/> marks a date something starts from or is planned for ("自2024年5月1日起施行",
    /// "计划于5月30日左右"): it names no event that has happened.
    /// </summary>
    public readonly record struct Mention(int? Year, int Month, int Day, bool Prospective);

    /// <summary>
    /// Dates the text names, in order. Only dates down to the day count: a year, a year and month, or a period like
    /// 2024-2026年 is no date.
    /// </summary>
    public static IEnumerable<Mention> Find(string text)
    {
        // PDF text spaces out digits ("2024 年 1 月 15 日"): compare without spaces.
        var compact = Compact(text);
        foreach (Match m in DatePattern().Matches(compact))
        {
            var after = compact[(m.Index + m.Length)..];
            var before = compact[Math.Max(0, m.Index - 3)..m.Index];
            var prospective = after.StartsWith('起') || after.StartsWith("左右", StringComparison.Ordinal)
                || before.EndsWith("将于", StringComparison.Ordinal) || before.EndsWith("计划于", StringComparison.Ordinal)
                // The end of a period ("2023年1月1日至12月31日") is no event either.
                || before.EndsWith('至') || before.EndsWith('到');
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : null;
            var month = int.Parse(m.Groups["m"].Value);
            var day = int.Parse(m.Groups["d"].Value);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month))
                continue;
            yield return new Mention(year, month, day, prospective);
        }
    }

    /// <summary>
    /// For an issue without a header: its year is that of the latest full date it mentions (or, with none, the latest
    /// year it names that does not end a period or target, "2021—2035年", "到2025年"); its date is the latest event
    /// it mentions in that year, since an issue reports what has already happened.
    /// </summary>
    public static DateOnly? EstimateIssueDate(IReadOnlyList<string> texts)
    {
        var mentions = texts.SelectMany(Find).ToList();
        var year = mentions.Max(m => m.Year)
            ?? texts.SelectMany(t => YearPattern().Matches(Compact(t))).Select(m => (int?)int.Parse(m.Groups["y"].Value)).Max();
        if (year is null)
            return null;
        var events = mentions
            .Where(m => !m.Prospective && (m.Year ?? year) == year && m.Day <= DateTime.DaysInMonth(year.Value, m.Month))
            .Select(m => new DateOnly(year.Value, m.Month, m.Day))
            .ToList();
        return events.Count > 0 ? events.Max() : new DateOnly(year.Value, 12, 31);
    }

    /// <summary>
    /// The first date in the article's opening that is not after the issue: a month and day takes the issue's year,
    /// or the year before when it would fall after the issue (a December event reported in a January issue).
    /// </summary>
    public static DateOnly? EventDate(string opening, DateOnly issueDate)
    {
        foreach (var m in Find(opening).Where(m => !m.Prospective))
        {
            var year = m.Year ?? issueDate.Year;
            if (m.Year is null && (m.Month, m.Day).CompareTo((issueDate.Month, issueDate.Day)) > 0)
                year--;
            if (m.Day > DateTime.DaysInMonth(year, m.Month))
                continue;
            var date = new DateOnly(year, m.Month, m.Day);
            if (date <= issueDate)
                return date;
        }
        return null;
    }

    private static string Compact(string text) => text.Replace(" ", "").Replace("\u3000", "");

    // A year that is not the end of a period or a target.
    [GeneratedRegex(@"(?<![—–\-~至到\d])(?<y>(19|20)\d\d)年")]
    private static partial Regex YearPattern();

    // "6月9—10日" is a range: its first day counts.
    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})(?:[—–\-~至]\d{1,2})?日")]
    private static partial Regex DatePattern();
}
