using System.Text.RegularExpressions;
using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>
/// SmartCn's segmentation of corpus sentences, pinned as Lucene's own SmartCn tests pin it: terms, start and end
/// offsets (snippets are cut from them) and position increments (phrases match on them; a dropped punctuation mark
/// leaves a gap). A package upgrade that changes any of it changes what queries match and what is highlighted, and
/// must fail here loudly rather than quietly in ranking.
/// </summary>
public sealed class TokenizationGoldenTests
{
    [Theory]
    [InlineData("江苏省科技厅发布政策解读", new[] { "江苏省", "科技", "厅", "发布", "政策", "解读" },
        new[] { 0, 3, 5, 6, 8, 10 }, new[] { 3, 5, 6, 8, 10, 12 }, new[] { 1, 1, 1, 1, 1, 1 })]
    [InlineData("布局一批概念验证中心", new[] { "布局", "一", "批", "概念", "验证", "中心" },
        new[] { 0, 2, 3, 4, 6, 8 }, new[] { 2, 3, 4, 6, 8, 10 }, new[] { 1, 1, 1, 1, 1, 1 })]
    [InlineData("加快科技创新引领未来产业发展", new[] { "加快", "科技", "创新", "引", "领", "未来", "产业", "发展" },
        new[] { 0, 2, 4, 6, 7, 8, 10, 12 }, new[] { 2, 4, 6, 7, 8, 10, 12, 14 }, new[] { 1, 1, 1, 1, 1, 1, 1, 1 })]
    // The quotation marks are stopwords: dropped, each leaving a gap of one position.
    [InlineData("常州市“十四五”科技创新发展规划发布", new[] { "常州市", "十", "四", "五", "科技", "创新", "发展", "规划", "发布" },
        new[] { 0, 4, 5, 6, 8, 10, 12, 14, 16 }, new[] { 3, 5, 6, 7, 10, 12, 14, 16, 18 }, new[] { 1, 2, 1, 1, 2, 1, 1, 1, 1 })]
    [InlineData("2021世界智能制造大会在南京开幕", new[] { "2021", "世界", "智能", "制造", "大会", "在", "南京", "开幕" },
        new[] { 0, 4, 6, 8, 10, 12, 13, 15 }, new[] { 4, 6, 8, 10, 12, 13, 15, 17 }, new[] { 1, 1, 1, 1, 1, 1, 1, 1 })]
    // Lucene.Net's TestSmartChineseAnalyzer.TestOffsets sentence, with its expected offsets.
    [InlineData("我购买了道具和服装", new[] { "我", "购买", "了", "道具", "和", "服装" },
        new[] { 0, 1, 3, 4, 6, 7 }, new[] { 1, 3, 4, 6, 7, 9 }, new[] { 1, 1, 1, 1, 1, 1 })]
    public void SmartCn_segments_corpus_sentences_as_pinned(string sentence, string[] terms, int[] starts, int[] ends, int[] increments) =>
        TokenAssert.AnalyzesTo(ArchiveAnalyzers.Words, sentence, terms, starts, ends, increments);

    [Theory]
    [InlineData("引领未来", new[] { "引领", "领未", "未来" }, new[] { 0, 1, 2 }, new[] { 2, 3, 4 }, new[] { 1, 1, 1 })]
    // Punctuation splits the run of CJK characters without a gap; Latin and digits stay whole.
    [InlineData("常州市“十四五”规划", new[] { "常州", "州市", "十四", "四五", "规划" },
        new[] { 0, 1, 4, 5, 8 }, new[] { 2, 3, 6, 7, 10 }, new[] { 1, 1, 1, 1, 1 })]
    [InlineData("2021世界大会", new[] { "2021", "世界", "界大", "大会" }, new[] { 0, 4, 5, 6 }, new[] { 4, 6, 7, 8 }, new[] { 1, 1, 1, 1 })]
    public void The_bigram_twin_field_holds_overlapping_pairs_so_split_words_still_match(
        string text, string[] terms, int[] starts, int[] ends, int[] increments) =>
        TokenAssert.AnalyzesTo(ArchiveAnalyzers.Bigrams, text, terms, starts, ends, increments);

    /// <summary>
    /// A query's bigrams are cut without the chain where its text is plain ideographs (ArchiveAnalyzers.TokenizeBigrams):
    /// on every run of ideographs in the bundled corpus, and on every stretch of one to four characters of those runs,
    /// the cut is the chain's own: terms, offsets and positions.
    /// </summary>
    [Fact]
    public void Bigrams_cut_without_the_chain_are_the_chains_own()
    {
        var runs = RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile)
            .SelectMany(a => Regex.Matches(a.Title + "\n" + a.Body, @"\p{IsCJKUnifiedIdeographs}+").Select(m => m.Value))
            .Distinct().ToList();
        runs.Should().HaveCountGreaterThan(1000);
        var stretches = runs.SelectMany(run => Enumerable.Range(1, 4)
            .SelectMany(length => Enumerable.Range(0, Math.Max(0, run.Length - length + 1)).Select(start => run.Substring(start, length))));

        foreach (var text in runs.Concat(stretches).Distinct())
            ArchiveAnalyzers.TokenizeBigrams(text).Should().Equal(ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text), text);
    }

    /// <summary>What is not plain ideographs runs the chain: folded (臺灣), mixed, beyond U+9FCC (the tokenizer cuts 鿏 otherwise), empty.</summary>
    [Theory]
    [InlineData("臺灣")]
    [InlineData("AI芯片")]
    [InlineData("鿌鿌")]
    [InlineData("鿏")]
    [InlineData("未来鿏")]
    [InlineData("")]
    public void Other_text_is_cut_by_the_chain(string text) =>
        ArchiveAnalyzers.TokenizeBigrams(text).Should().Equal(ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text));
}
