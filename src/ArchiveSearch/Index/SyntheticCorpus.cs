using System.Text;
using ArchiveSearch.Ingest;

namespace ArchiveSearch.Index;

/// <summary>
/// A deterministic synthetic corpus for measuring: articles whose text is real Chinese from a sample corpus
/// recombined. Bodies are real sentences drawn at random and laid out in paragraphs shaped like real ones; titles
/// join the opening words of one real title to the closing words of another (cut at SmartCn word boundaries), so
/// words and their frequencies look like the real archive. Section, regions and source come together from one real
/// article (their joint distribution); the month and day of the date come from a real article and the year is spread
/// over the real years and a few before them.
/// </summary>
/// <remarks>
/// The articles are drawn one after another from one seeded generator: the first <c>n</c> articles of a larger
/// corpus are the articles of a smaller one with the same seed, so figures at different sizes share their text.
/// </remarks>
public sealed class SyntheticCorpus
{
    /// <summary>Years before the earliest real one that dates are spread over as well.</summary>
    private const int ExtraYears = 3;
    private const int ArticlesPerIssue = 16;

    private readonly IReadOnlyList<Article> _samples;
    private readonly string[] _sentences;
    private readonly List<string[]> _titleWords;
    private readonly int[] _paragraphSentenceCounts;
    private readonly int _minYear;
    private readonly int _maxYear;

    public SyntheticCorpus(IReadOnlyList<Article> samples)
    {
        if (samples.Count == 0)
            throw new ArgumentException("the sample corpus holds no articles", nameof(samples));
        _samples = samples;
        var paragraphs = samples.SelectMany(a => a.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var sentencesOfParagraphs = paragraphs.Select(SplitSentences).ToList();
        _sentences = [.. sentencesOfParagraphs.SelectMany(s => s)];
        _paragraphSentenceCounts = [.. sentencesOfParagraphs.Select(s => s.Count).Where(n => n > 0)];
        _titleWords = [.. samples.Select(a => TitleWords(a.Title)).Where(w => w.Length > 0)];
        _minYear = samples.Min(a => a.Date.Year) - ExtraYears;
        _maxYear = samples.Max(a => a.Date.Year);
    }

    /// <summary>Reads every corpus file of <paramref name="sampleDir"/> as the sample.</summary>
    public static SyntheticCorpus FromDirectory(string sampleDir) => new(CorpusReader.ReadAll(sampleDir));

    public int SampleArticles => _samples.Count;
    public int SampleSentences => _sentences.Length;

    /// <summary>The first <paramref name="count"/> articles for <paramref name="seed"/>; the same every time.</summary>
    public IEnumerable<Article> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return Next(random, seed, i);
    }

    /// <summary>Writes <paramref name="count"/> articles as JSONL files of <paramref name="perFile"/> articles each.</summary>
    /// <returns>The files written.</returns>
    public IReadOnlyList<string> WriteJsonl(string outDir, int count, int seed, int perFile = 10_000)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        StreamWriter? writer = null;
        var i = 0;
        try
        {
            foreach (var article in Generate(count, seed))
            {
                if (i % perFile == 0)
                {
                    writer?.Dispose();
                    var path = Path.Combine(outDir, $"synthetic-{i / perFile:00000}.jsonl");
                    files.Add(path);
                    writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
                }
                writer!.Write(ArticleJson.Serialize(article));
                writer.Write('\n');
                i++;
            }
        }
        finally
        {
            writer?.Dispose();
        }
        return files;
    }

    private Article Next(Random random, int seed, int index)
    {
        // Section, regions and source belong together: take them from one real article.
        var template = _samples[random.Next(_samples.Count)];
        var dateSample = _samples[random.Next(_samples.Count)].Date;
        var year = random.Next(_minYear, _maxYear + 1);
        var day = Math.Min(dateSample.Day, DateTime.DaysInMonth(year, dateSample.Month));
        var date = new DateOnly(year, dateSample.Month, day);

        return new Article
        {
            Id = $"syn{seed}-{index:0000000}",
            Issue = $"s{index / ArticlesPerIssue + 1}",
            IssueDate = null,
            Section = template.Section,
            Title = Title(random),
            Source = template.Source,
            Regions = template.Regions,
            Date = date,
            DateSource = DateSource.Estimated,
            Body = Body(random),
        };
    }

    /// <summary>The opening words of one real title and the closing words of another.</summary>
    private string Title(Random random)
    {
        var first = _titleWords[random.Next(_titleWords.Count)];
        var second = _titleWords[random.Next(_titleWords.Count)];
        var head = first.Length == 1 ? 1 : random.Next(1, first.Length);
        var tail = second.Length == 1 ? 0 : random.Next(1, second.Length);
        var title = string.Concat(first.Take(head)) + string.Concat(second.Skip(second.Length - tail));
        return title.Trim();
    }

    /// <summary>As many paragraphs as a real article has, each as many sentences long as a real paragraph.</summary>
    private string Body(Random random)
    {
        var shape = _samples[random.Next(_samples.Count)].Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var paragraphs = Math.Max(1, shape);
        var sb = new StringBuilder(1600);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0) sb.Append('\n');
            var sentences = _paragraphSentenceCounts[random.Next(_paragraphSentenceCounts.Length)];
            for (var s = 0; s < sentences; s++)
                sb.Append(_sentences[random.Next(_sentences.Length)]);
        }
        return sb.ToString();
    }

    /// <summary>Sentences with their closing punctuation (and a closing quote or bracket after it).</summary>
    private static List<string> SplitSentences(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('。' or '！' or '？' or '；')) continue;
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '”' or '’' or '）' or '」') end++;
            sentences.Add(paragraph[start..end]);
            start = end;
            i = end - 1;
        }
        if (start < paragraph.Length && paragraph[start..].Trim().Length > 0)
            sentences.Add(paragraph[start..]);
        return sentences;
    }

    /// <summary>The title cut at SmartCn word boundaries, each piece keeping the characters up to the next word.</summary>
    private static string[] TitleWords(string title)
    {
        var tokens = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, title);
        if (tokens.Count == 0) return title.Length == 0 ? [] : [title];
        var cuts = tokens.Select(t => t.Start).Where(s => s > 0).Distinct().Order().ToList();
        var pieces = new List<string>();
        var at = 0;
        foreach (var cut in cuts)
        {
            pieces.Add(title[at..cut]);
            at = cut;
        }
        pieces.Add(title[at..]);
        return [.. pieces.Where(p => p.Length > 0)];
    }
}
