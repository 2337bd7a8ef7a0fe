namespace ArchiveSearch.Index.Tests;

/// <summary>
/// SmartCn's segmentation of corpus sentences, pinned: a package upgrade that changes tokenisation changes
/// what queries match, and must fail here loudly rather than quietly in ranking.
/// </summary>
public sealed class TokenizationGoldenTests
{
    [Theory]
    [InlineData("江苏省科技厅发布政策解读", "江苏省|科技|厅|发布|政策|解读")]
    [InlineData("布局一批概念验证中心", "布局|一|批|概念|验证|中心")]
    [InlineData("加快科技创新引领未来产业发展", "加快|科技|创新|引|领|未来|产业|发展")]
    [InlineData("常州市“十四五”科技创新发展规划发布", "常州市|十|四|五|科技|创新|发展|规划|发布")]
    [InlineData("2021世界智能制造大会在南京开幕", "2021|世界|智能|制造|大会|在|南京|开幕")]
    public void SmartCn_segments_corpus_sentences_as_pinned(string sentence, string expected)
    {
        var tokens = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, sentence).Select(t => t.Term);

        string.Join('|', tokens).Should().Be(expected);
    }

    [Fact]
    public void The_bigram_twin_field_holds_overlapping_pairs_so_split_words_still_match()
    {
        var bigrams = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, "引领未来").Select(t => t.Term);

        bigrams.Should().Equal("引领", "领未", "未来");
    }
}
