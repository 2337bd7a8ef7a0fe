using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchiveSearch.Ingest;

/// <summary>An article as the issue text gives it, before dates, regions and ids are worked out.</summary>
public sealed record RawArticle(string Section, string Title, string Source, IReadOnlyList<string> Paragraphs);

/// <summary>An issue's header facts (where it has a header) and its articles in order.</summary>
public sealed record ParsedIssue(string? Number, DateOnly? Date, IReadOnlyList<RawArticle> Articles);

/// <summary>
/// One paragraph of an issue as a document reader (PDF, Word) gives it: whole, with the running headers and page numbers
/// gone. <see cref="Style"/> is null for body text and otherwise names how the paragraph is set apart (a larger or bold
/// font, a heading style): consecutive paragraphs of one style at the start of an article are its title.
/// </summary>
public sealed record IssueParagraph(string Text, string? Style = null);

/// <summary>
/// Splits one newsletter issue into articles. Handles PDF text (hard-wrapped, table of contents at the end or none),
/// clean exports (header and table of contents first, one paragraph a line) and the paragraphs the PDF and Word readers
/// give; the header, contents, sections, titles and sources are found the same way for all of them.
/// </summary>
public static partial class IssueParser
{
    /// <summary>Source of an article whose closing source line was lost (its text runs into the next article).</summary>
    public const string UnknownSource = "未注明";

    // Bigram similarity at which a body title and a contents entry name the same article (allows light rewording).
    private const double TitleMatch = 0.75;

    // Body text titles are at most this wide on a line; a body's first line is indented but otherwise full.
    private const int TitleLineWidth = 50;

    // A header or cover line naming the issue and its date is short; a longer line is text that mentions them.
    private const int HeaderLineWidth = 60;

    private sealed record TocEntry(string Section, string Title);

    private sealed record Block(string Section, List<IssueParagraph> Lines, string Source);

    /// <summary>How the lines of an issue relate to its paragraphs.</summary>
    private enum Layout
    {
        /// <summary>PDF text: lines hard-wrapped, paragraphs to be rejoined.</summary>
        Wrapped,
        /// <summary>A clean export: one paragraph a line, some cut in two.</summary>
        Export,
        /// <summary>A document reader's paragraphs: whole, titles marked by their style.</summary>
        Paragraphs,
    }

    /// <summary>The text of an issue (PDF text or a clean export).</summary>
    public static ParsedIssue Parse(string text)
    {
        var lines = text.Split('\n').Select(l => new IssueParagraph(l.TrimEnd())).ToList();
        // PDF text is wrapped at ~56 columns; a clean export keeps whole paragraphs on a line.
        var clean = lines.Any(l => !IsUrl(l.Text.Trim()) && ChineseText.Width(l.Text.Trim()) > 100);
        return Parse(lines, clean ? Layout.Export : Layout.Wrapped);
    }

    /// <summary>The paragraphs a document reader found in an issue, in reading order.</summary>
    public static ParsedIssue Parse(IReadOnlyList<IssueParagraph> paragraphs) =>
        Parse([.. paragraphs.Select(p => p with { Text = p.Text.Trim() })], Layout.Paragraphs);

    /// <summary>
    /// A contents line: a title, then a leader of any kind (dots, ellipses, middle dots, a tab, spaces or nothing) and the
    /// page number. Readers use it too, to keep each contents entry a paragraph of its own.
    /// </summary>
    public static bool IsContentsLine(string line) => TocLine().IsMatch(line.Trim());

    /// <summary>
    /// A contents line with a visible leader (dots, ellipses, a tab or spaces) before its page number; a line of text that
    /// ends in a number ("4个维度15") is not one.
    /// </summary>
    public static bool IsLeaderedContentsLine(string line) =>
        TocLine().Match(line.Trim()) is { Success: true } m && m.Groups["leader"].Length > 0;

    private static ParsedIssue Parse(List<IssueParagraph> all, Layout layout)
    {
        var lines = all.Select(l => l.Text).ToList();
        var lastSource = lines.FindLastIndex(l => SourceLine().IsMatch(l.Trim()));
        var firstHeading = lines.FindIndex(Sections.IsHeading);
        var (number, date) = ReadHeader(firstHeading < 0 ? [] : lines[..firstHeading]);
        if (lastSource < 0 || firstHeading < 0)
            return new ParsedIssue(number, date, []);

        var bodyStart = firstHeading;
        List<TocEntry> toc;
        var contents = lines.FindIndex(IsContentsHeading);
        if (contents >= 0 && contents < lastSource)
        {
            // The body starts at the first heading after the contents that is not followed by a contents entry. Whole
            // paragraphs (not wrapped lines) may hold an entry that wrapped: its page number is on the second line.
            var entryLines = layout == Layout.Wrapped ? 1 : 2;
            bodyStart = Enumerable.Range(contents + 1, lastSource - contents)
                .First(i => Sections.IsHeading(lines[i]) && !NextTexts(lines, i, entryLines).Any(TocLine().IsMatch));
            toc = ReadToc(lines[(contents + 1)..bodyStart]);
        }
        else
        {
            // PDF issues may carry their contents after the articles and back matter, as tab-indented lines.
            toc = ReadToc(lines[(lastSource + 1)..].Where(l => l.StartsWith('\t')));
        }

        var blocks = ReadBlocks(all[bodyStart..(lastSource + 1)]);
        var used = new bool[toc.Count];
        var articles = new List<(RawArticle Article, int TocIndex)>();
        foreach (var block in blocks)
        {
            var (title, titleLines, tocIndex) = StyledTitle(block.Lines, toc, used)
                ?? FindTitle([.. block.Lines.Select(l => l.Text)], toc, used, layout != Layout.Wrapped);
            var bodyLines = block.Lines.Skip(titleLines).Select(l => l.Text);
            var paragraphs = (layout switch
                {
                    Layout.Wrapped => ParagraphJoiner.FromWrappedLines(bodyLines),
                    Layout.Export => ParagraphJoiner.FromExportLines(bodyLines),
                    _ => [.. bodyLines],
                })
                .Select(ChineseText.NormalizeSpaces)
                .Where(p => p.Length > 0)
                .ToList();
            articles.Add((new RawArticle(block.Section, title, block.Source, paragraphs), tocIndex));
        }
        // Only an export loses titles that way; a document reader's contents entry without its article is no reason to cut one.
        if (layout != Layout.Paragraphs)
            RecoverUntitled(articles, toc, used);
        return new ParsedIssue(number, date, [.. articles.Select(a => a.Article)]);
    }

    /// <summary>
    /// The issue number and date from the header or cover: the first 第N期 (or 总第N期, the running number, where a cover
    /// gives both) and the first full date on a short line before the first section heading (a cover may set them on
    /// one line with the title or the institute).
    /// </summary>
    private static (string? Number, DateOnly? Date) ReadHeader(IEnumerable<string> header)
    {
        var lines = header.Select(l => l.Trim()).Where(l => ChineseText.Width(l) <= HeaderLineWidth).ToList();
        var numbers = lines.SelectMany(l => IssueNumber().Matches(l)).ToList();
        var number = numbers.FirstOrDefault(m => m.Groups["total"].Success) ?? numbers.FirstOrDefault();
        return (number?.Groups["number"].Value, lines.Select(HeaderDateOf).FirstOrDefault(d => d is not null));
    }

    private static DateOnly? HeaderDateOf(string line) =>
        HeaderDate().Match(line) is { Success: true } d
        && DateOnly.TryParseExact($"{d.Groups[1].Value}-{d.Groups[2].Value}-{d.Groups[3].Value}", "yyyy-M-d",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool IsContentsHeading(string line) => ChineseText.ComparisonKey(line) is "目录" or "目次";

    private static IEnumerable<string> NextTexts(List<string> lines, int index, int count) =>
        lines.Skip(index + 1).Select(l => l.Trim()).Where(l => l.Length > 0).Take(count);

    private static List<TocEntry> ReadToc(IEnumerable<string> lines)
    {
        var entries = new List<TocEntry>();
        var section = "";
        var all = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // In contents with page numbers, a line without one is the first part of an entry that wrapped.
        var numbered = all.Any(IsContentsLine);
        var wrapped = "";
        foreach (var line in all)
        {
            if (Sections.IsHeading(line))
            {
                section = Sections.Name(line);
                wrapped = "";
            }
            else if (section.Length == 0)
                continue;
            else if (TocLine().Match(line) is { Success: true } m)
            {
                entries.Add(new TocEntry(section, JoinLines([wrapped, m.Groups["title"].Value])));
                wrapped = "";
            }
            else if (numbered)
                wrapped = JoinLines([wrapped, line]);
            else
                entries.Add(new TocEntry(section, line));
        }
        return entries;
    }

    /// <summary>Cuts the body into blocks that each end with a source line, tracking the section headings between them.</summary>
    private static List<Block> ReadBlocks(IEnumerable<IssueParagraph> paragraphs)
    {
        var blocks = new List<Block>();
        var section = "";
        var current = new List<IssueParagraph>();
        foreach (var paragraph in paragraphs)
        {
            var line = paragraph.Text.Trim();
            if (line.Length == 0 || IsDebris(line))
                continue;
            if (Sections.IsHeading(line))
            {
                section = Sections.Name(line);
                continue;
            }
            if (SourceLine().Match(line) is { Success: true } m)
            {
                // The source may close the last line of text rather than stand on its own line.
                if (m.Groups["text"].Value.Trim() is { Length: > 0 } text)
                    current.Add(paragraph with { Text = text });
                if (current.Count > 0)
                    blocks.Add(new Block(section, current, m.Groups["source"].Value.Trim()));
                current = [];
                continue;
            }
            current.Add(paragraph with { Text = line });
        }
        return blocks;
    }

    /// <summary>Page numbers, stray URLs and link labels that PDF extraction leaves between the lines of text.</summary>
    private static bool IsDebris(string line) =>
        PageNumber().IsMatch(line) || IsUrl(line) || LinkLabel().IsMatch(line);

    private static bool IsUrl(string line) =>
        line.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// From a document reader: the paragraphs of one style (larger or bold) that open the block are its title, however
    /// many lines it wrapped to. A contents entry naming it is marked as used. Null when the block opens with body text.
    /// </summary>
    private static (string Title, int Lines, int TocIndex)? StyledTitle(List<IssueParagraph> lines, List<TocEntry> toc, bool[] used)
    {
        if (lines[0].Style is not { } style)
            return null;
        var count = lines.TakeWhile(l => l.Style == style).Count();
        if (count == lines.Count)
            return null;
        var title = JoinLines(lines.Take(count).Select(l => l.Text));
        var entry = Enumerable.Range(0, toc.Count)
            .Where(i => !used[i])
            .Select(i => (Index: i, Score: ChineseText.Similarity(toc[i].Title, title)))
            .Where(e => e.Score >= TitleMatch)
            .OrderByDescending(e => e.Score)
            .Select(e => e.Index)
            .DefaultIfEmpty(-1)
            .First();
        if (entry >= 0)
            used[entry] = true;
        return (title, count, entry);
    }

    /// <summary>The title and how many lines it takes; with a table of contents the entry confirms it and gives its text.</summary>
    private static (string Title, int Lines, int TocIndex) FindTitle(List<string> lines, List<TocEntry> toc, bool[] used, bool clean)
    {
        var best = (Score: 0.0, Lines: 0, Index: -1, Count: 0);
        foreach (var (index, count, entry) in OpenEntries(toc, used))
        {
            var (score, n) = BestOpening(entry, lines);
            if (IsBetter(score, n, best.Score, best.Lines))
                best = (score, n, index, count);
        }
        if (best.Score >= TitleMatch)
        {
            for (var k = 0; k < best.Count; k++)
                used[best.Index + k] = true;
            var title = JoinLines(toc.Skip(best.Index).Take(best.Count).Select(e => e.Title));
            return (title, best.Lines, best.Index);
        }
        var titleLines = clean || lines.Count < 3 || !IsSecondTitleLine(lines) ? 1 : 2;
        return (JoinLines(lines.Take(titleLines)), titleLines, -1);
    }

    /// <summary>
    /// The contents entries not yet taken, each alone and joined with the next of its section (an entry may be wrapped
    /// over two lines of the contents): where it starts, how many lines it joins and its text.
    /// </summary>
    private static IEnumerable<(int Index, int Count, string Text)> OpenEntries(List<TocEntry> toc, bool[] used)
    {
        for (var i = 0; i < toc.Count; i++)
        {
            if (used[i])
                continue;
            yield return (i, 1, toc[i].Title);
            if (i + 1 < toc.Count && !used[i + 1] && toc[i + 1].Section == toc[i].Section)
                yield return (i, 2, JoinLines([toc[i].Title, toc[i + 1].Title]));
        }
    }

    /// <summary>How like a contents entry the block's first one to three lines are: the best score and its line count.</summary>
    private static (double Score, int Lines) BestOpening(string entry, List<string> lines)
    {
        var best = (Score: 0.0, Lines: 0);
        for (var n = 1; n <= Math.Min(3, lines.Count - 1); n++)
        {
            var score = ChineseText.Similarity(entry, JoinLines(lines.Take(n)));
            if (IsBetter(score, n, best.Score, best.Lines))
                best = (score, n);
        }
        return best;
    }

    /// <summary>A match is better when it scores higher, or scores the same (above nothing) over more lines.</summary>
    private static bool IsBetter(double score, int lines, double bestScore, int bestLines) =>
        score > bestScore || score == bestScore && score > 0 && lines > bestLines;

    /// <summary>
    /// Without contents, a title has a second line when that line is narrower than a body line (a body's first line is
    /// near full width) — unless it opens a series of like subheadings ("中科摩通完成C轮融资", "中科云控完成B轮融资").
    /// </summary>
    private static bool IsSecondTitleLine(List<string> lines)
    {
        var second = lines[1];
        if (ChineseText.Width(second) >= TitleLineWidth)
            return false;
        var ending = ChineseText.ComparisonKey(second)[^Math.Min(3, second.Length)..];
        return !lines.Skip(2).Any(l =>
            ChineseText.Width(l) < TitleLineWidth && !ChineseText.EndsSentence(l) && ChineseText.ComparisonKey(l).EndsWith(ending, StringComparison.Ordinal));
    }

    private static string JoinLines(IEnumerable<string> lines) =>
        ChineseText.NormalizeSpaces(lines.Aggregate("", (a, b) => ChineseText.Join(a.TrimEnd(), b.Trim())));

    /// <summary>
    /// A contents entry with no title in the body: its article lost its title and opening in the export and runs on from the
    /// article before. It starts after the paragraph of that article that was cut off mid-sentence; the source line that
    /// closes the run belongs to it, so the article before has no source.
    /// </summary>
    private static void RecoverUntitled(List<(RawArticle Article, int TocIndex)> articles, List<TocEntry> toc, bool[] used)
    {
        for (var i = 1; i < toc.Count; i++)
        {
            if (used[i])
                continue;
            var host = articles.FindIndex(a => a.TocIndex == i - 1);
            if (host < 0)
                continue;
            var article = articles[host].Article;
            var split = Enumerable.Range(1, Math.Max(0, article.Paragraphs.Count - 1))
                .FirstOrDefault(p => ParagraphJoiner.IsCut(article.Paragraphs[p - 1]));
            if (split == 0)
                continue;
            articles[host] = (article with { Source = UnknownSource, Paragraphs = [.. article.Paragraphs.Take(split)] }, i - 1);
            var recovered = new RawArticle(toc[i].Section, ChineseText.NormalizeSpaces(toc[i].Title), article.Source, [.. article.Paragraphs.Skip(split)]);
            articles.Insert(host + 1, (recovered, i));
            used[i] = true;
        }
    }

    [GeneratedRegex(@"^(?<text>.*?)[（(]来源[：:]\s*(?<source>[^（）()]+)[）)]$")]
    private static partial Regex SourceLine();

    // The leader between a contents title and its page number: a run of dots, ellipses, middle dots or dashes (ASCII,
    // full-width or CJK: ..... …… ⋯⋯ ··· ．．), with or without spaces, or just whitespace (a tab, spaces), or nothing
    // when the title ends in a character that cannot end a number.
    [GeneratedRegex(@"^(?<title>.+?)(?<leader>\s*[.．。…⋯·•‧∙・_—\-]{2,}\s*|\s+|(?<=\D))(?<page>\d{1,3})$")]
    private static partial Regex TocLine();

    [GeneratedRegex(@"(?<total>总)?第\s*(?<number>\d+)\s*期")]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex HeaderDate();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(全文|原文)链接[：:]?$")]
    private static partial Regex LinkLabel();
}
