using ArchiveSearch.Ingest;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArchiveSearch.Index;

/// <summary>
/// The analyzer chain, defined once: SmartCn words for title and body, CJK bigrams for their twin fields, both
/// after the same folding (<see cref="ScriptFolding"/>: traditional → simplified, full-width → ASCII,
/// compatibility ideographs → unified, dashes → one hyphen), so 科技創新 and 科技创新 index and search alike.
/// The folding is a char filter before the tokenizers: the tokenizers see folded text, the offsets it corrects
/// point into the original, so snippets highlight an article's own characters. Latin case is folded after
/// tokenizing by both analyzers (SmartCn's own filter, CJK's LowerCaseFilter): AI, Ai, ＡＩ are all "ai".
/// Analyzers are thread-safe and reuse token streams per thread, so one instance serves the whole process.
/// </summary>
public static class ArchiveAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>SmartCn with its default stopwords (punctuation); also lowercases and stems Latin words.</summary>
    public static Analyzer Words { get; } = new Folded(new SmartChineseAnalyzer(Version, useDefaultStopWords: true));

    /// <summary>Overlapping CJK bigrams; Latin words stay whole and lowercased.</summary>
    public static Analyzer Bigrams { get; } = new Folded(new CJKAnalyzer(Version));

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

    /// <summary>
    /// What <see cref="Bigrams"/> makes of <paramref name="text"/>. Text of CJK unified ideographs alone that folding
    /// leaves as it is, as most query words are, is cut here without running the chain: into its overlapping pairs at
    /// positions 0, 1, 2…, or the one ideograph whole, as the chain's tokenizer and bigram filter cut it (a test holds
    /// the two equal on every run of ideographs in the bundled corpus). Through the chain's reader, tokenizer and four
    /// filters, a query's bigrams were 3% of the API's CPU on the bundled mix (perf, under wrk). Other text runs the chain.
    /// </summary>
    public static List<AnalyzedToken> TokenizeBigrams(string text)
    {
        if (!IsPlainIdeographs(text)) return Tokenize(Bigrams, text);
        if (text.Length == 1) return [new AnalyzedToken(text, 0, 1, 0)];
        var tokens = new List<AnalyzedToken>(text.Length - 1);
        for (var i = 0; i + 1 < text.Length; i++) tokens.Add(new AnalyzedToken(text.Substring(i, 2), i, i + 2, i));
        return tokens;
    }

    /// <summary>
    /// Unified ideographs up to U+9FCC, the last of the block in Unicode 6.3, whose tables the tokenizer was built from (it
    /// cuts later ones otherwise: 鿏, U+9FCF, fails the test when the block is taken whole), and nothing folding rewrites.
    /// </summary>
    private static bool IsPlainIdeographs(string text) =>
        text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('\u4e00', '\u9fcc') &&
        ReferenceEquals(ScriptFolding.Default.Fold(text), text);
}

/// <summary>An analyzer whose input is folded first (<see cref="FoldingCharFilter"/>: offsets stay on the original).</summary>
internal sealed class Folded(Analyzer analyzer) : AnalyzerWrapper(analyzer.Strategy)
{
    protected override Analyzer GetWrappedAnalyzer(string fieldName) => analyzer;

    protected override TextReader WrapReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader, ScriptFolding.Default);
}

/// <summary>One token as the index sees it: its text, where it came from, and its position.</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End, int Position);
