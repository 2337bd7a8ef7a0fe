using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArchiveSearch.Index;

/// <summary>
/// The analyzer chain, defined once: SmartCn words for title and body, CJK bigrams for their twin fields.
/// Analyzers are thread-safe and reuse token streams per thread, so one instance serves the whole process.
/// </summary>
public static class ArchiveAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>SmartCn with its default stopwords (punctuation); also lowercases and stems Latin words.</summary>
    public static Analyzer Words { get; } = new SmartChineseAnalyzer(Version, useDefaultStopWords: true);

    /// <summary>Overlapping CJK bigrams; Latin words stay whole and lowercased.</summary>
    public static Analyzer Bigrams { get; } = new CJKAnalyzer(Version);

    /// <summary>What the index writer uses: the right analyzer for each field.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(Words, new Dictionary<string, Analyzer>
    {
        [ArticleFields.TitleBigrams] = Bigrams,
        [ArticleFields.BodyBigrams] = Bigrams,
    });

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/>: what the index holds for it.</summary>
    public static List<AnalyzedToken> Tokenize(Analyzer analyzer, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(ArticleFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }
        stream.End();
        return tokens;
    }
}

/// <summary>One token as the index sees it: its text, where it came from, and its position.</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End, int Position);
