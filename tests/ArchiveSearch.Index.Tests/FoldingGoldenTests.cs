using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>
/// The folding of Data/folding.tsv (OpenCC's traditional → simplified tables, NFKC width and compatibility forms)
/// as the analysis chain applies it: characters, phrases where a character alone is ambiguous, widths, case, and
/// offsets that stay on the original text.
/// </summary>
public sealed class FoldingGoldenTests
{
    private static readonly ScriptFolding Folding = ScriptFolding.Default;

    [Theory]
    [InlineData("科技創新", "科技创新")]
    [InlineData("新質生產力", "新质生产力")]
    [InlineData("乾燥", "干燥")] // 乾 alone is 干 …
    [InlineData("乾坤", "乾坤")] // … but not in 乾坤, which the phrase table keeps
    [InlineData("乾隆年間", "乾隆年间")]
    [InlineData("之後", "之后")]
    [InlineData("頭髮", "头发")]
    [InlineData("發展", "发展")]
    [InlineData("臺灣", "台湾")]
    [InlineData("颱風", "台风")]
    [InlineData("江蘇省長三角", "江苏省长三角")]
    [InlineData("著作權", "著作权")] // 著 stays where simplified writes it too
    [InlineData("顯著", "显著")]
    [InlineData("什麼", "什么")]
    public void Traditional_characters_and_phrases_fold_to_simplified(string written, string folded) =>
        Folding.Fold(written).Should().Be(folded);

    [Theory]
    [InlineData("科技创新，覆盖全省", true)] // nothing folds
    [InlineData("２０２２年……ＡＩ—人工智能", true)] // widths, ellipses and dashes fold around the ideographs
    [InlineData("显著", true)]
    [InlineData("科技創新", false)]
    [InlineData("反覆", false)] // a phrase rewrites 覆 (→ 反复), which stays alone and in 覆盖
    [InlineData("\uF900", false)] // a compatibility ideograph becomes a unified one
    [InlineData("\u2F00\u2F06", false)] // Kangxi radicals (symbols) become ideographs
    public void Text_keeps_its_ideographs_when_folding_rewrites_none_of_them(string written, bool keeps) =>
        Folding.KeepsIdeographs(written).Should().Be(keeps, Folding.Fold(written));

    [Theory]
    [InlineData("ＰＡＳ２０６０", "PAS2060")]
    [InlineData("ＡＩ和５Ｇ", "AI和5G")]
    [InlineData("１２％", "12%")]
    [InlineData("\uF900\uF901", "岂更")] // CJK compatibility ideographs → unified (豈 更), then simplified
    [InlineData("\u2F00\u2F06", "一二")] // Kangxi radicals
    [InlineData("2022–2024", "2022-2024")]
    [InlineData("2022—2024", "2022-2024")]
    [InlineData("2022－2024", "2022-2024")]
    [InlineData("创新﹏发展", "创新_发展")]
    [InlineData("ｶﾀｶﾅ", "ｶﾀｶﾅ")] // half-width katakana untouched
    [InlineData("①②", "①②")] // enclosed numbers would run into neighbouring digits
    [InlineData("第1，2批；（试行）", "第1，2批；（试行）")] // Chinese punctuation stays full width
    [InlineData("﹐︓", "，：")] // its small and vertical variants fold to it
    public void Width_and_compatibility_forms_fold_where_it_is_safe(string written, string folded) =>
        Folding.Fold(written).Should().Be(folded);

    [Fact]
    public void Simplified_text_is_left_alone()
    {
        const string text = "江苏省科技厅发布政策解读，显著提升著作权保护水平";
        Folding.Fold(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Folding_is_idempotent_over_every_value_of_the_table()
    {
        foreach (var value in Folding.Mappings.Values)
            Folding.Fold(value).Should().Be(value, "folded text folds to itself");
    }

    [Fact]
    public void The_table_names_its_source_version_and_licence()
    {
        var header = File.ReadLines(Path.Combine(DataFile.Directory, ScriptFolding.FileName)).TakeWhile(l => l.StartsWith('#')).ToList();
        string.Join('\n', header).Should().Contain("opencc-js 1.4.2").And.Contain("Apache-2.0");
        Folding.Mappings.Count.Should().BeGreaterThan(4000);
    }

    [Theory]
    [InlineData("AI")]
    [InlineData("Ai")]
    [InlineData("ai")]
    [InlineData("ＡＩ")]
    [InlineData("ａｉ")]
    public void Latin_case_and_width_fold_in_both_analyzers(string written)
    {
        Terms(ArchiveAnalyzers.Words, written).Should().Equal("ai");
        Terms(ArchiveAnalyzers.Bigrams, written).Should().Equal("ai");
    }

    [Theory]
    [InlineData("科技創新引領未來產業發展", "科技创新引领未来产业发展")]
    [InlineData("ＰＡＳ２０６０碳中和標準", "PAS2060碳中和标准")]
    [InlineData("５Ｇ–Ａ網絡", "5G-A网络")]
    [InlineData("人工智能﹏大模型", "人工智能_大模型")]
    public void Both_analyzers_give_folded_text_the_tokens_of_its_simplified_form(string written, string simplified)
    {
        Terms(ArchiveAnalyzers.Words, written).Should().Equal(Terms(ArchiveAnalyzers.Words, simplified));
        Terms(ArchiveAnalyzers.Bigrams, written).Should().Equal(Terms(ArchiveAnalyzers.Bigrams, simplified));
    }

    // … folds to three characters and ＡＩ to two: the tokens after them still point at their own text. Dropped
    // punctuation leaves its gaps in the word positions (…, three stopwords, leaves three).
    [Theory]
    [InlineData("據臺灣《經濟日報》報導，ＡＩ晶片…需求", new[] { "据", "台湾", "经济", "日报", "报导", "ai", "晶", "片", "需求" },
        new[] { 0, 1, 4, 6, 9, 12, 14, 15, 17 }, new[] { 1, 3, 6, 8, 11, 14, 15, 16, 19 }, new[] { 1, 1, 2, 1, 2, 2, 1, 1, 4 })]
    [InlineData("ＰＡＳ２０６０碳中和標準", new[] { "pa", "2060", "碳", "中", "和", "标准" },
        new[] { 0, 3, 7, 8, 9, 10 }, new[] { 3, 7, 8, 9, 10, 12 }, new[] { 1, 1, 1, 1, 1, 1 })]
    [InlineData("氣溫達到３５℃……乾燥天氣持續", new[] { "气温", "达到", "35", "c", "干燥", "天气", "持续" },
        new[] { 0, 2, 4, 6, 9, 11, 13 }, new[] { 2, 4, 6, 7, 11, 13, 15 }, new[] { 1, 1, 1, 2, 7, 1, 1 })]
    public void Word_offsets_point_into_the_original_text(string text, string[] terms, int[] starts, int[] ends, int[] increments) =>
        TokenAssert.AnalyzesTo(ArchiveAnalyzers.Words, text, terms, starts, ends, increments);

    [Theory]
    [InlineData("據臺灣《經濟日報》報導，ＡＩ晶片…需求", new[] { "据台", "台湾", "经济", "济日", "日报", "报导", "ai", "晶片", "需求" },
        new[] { 0, 1, 4, 5, 6, 9, 12, 14, 17 }, new[] { 2, 3, 6, 7, 8, 11, 14, 16, 19 }, new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData("ＰＡＳ２０６０碳中和標準", new[] { "pas2060", "碳中", "中和", "和标", "标准" },
        new[] { 0, 7, 8, 9, 10 }, new[] { 7, 9, 10, 11, 12 }, new[] { 1, 1, 1, 1, 1 })]
    [InlineData("氣溫達到３５℃……乾燥天氣持續", new[] { "气温", "温达", "达到", "35", "c", "干燥", "燥天", "天气", "气持", "持续" },
        new[] { 0, 1, 2, 4, 6, 9, 10, 11, 12, 13 }, new[] { 2, 3, 4, 6, 7, 11, 12, 13, 14, 15 }, new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    public void Bigram_offsets_point_into_the_original_text_after_replacements_shorter_and_longer_than_their_keys(
        string text, string[] terms, int[] starts, int[] ends, int[] increments) =>
        TokenAssert.AnalyzesTo(ArchiveAnalyzers.Bigrams, text, terms, starts, ends, increments);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_folds_to_no_tokens(string text)
    {
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, text).Should().BeEmpty();
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text).Should().BeEmpty();
    }

    [Fact]
    public void The_char_filter_and_the_string_folding_agree_on_the_corpus_in_traditional_characters()
    {
        var articles = RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile).ToList();
        foreach (var article in articles)
        {
            var traditional = Traditional.Of(article.Title + "\n" + article.Body);
            traditional.Should().NotBe(article.Title + "\n" + article.Body);
            var viaFilter = Terms(ArchiveAnalyzers.Bigrams, traditional);
            var viaString = Terms(ArchiveAnalyzers.Bigrams, Folding.Fold(traditional));
            viaFilter.Should().Equal(viaString, article.Title);
        }
    }

    private static List<string> Terms(Lucene.Net.Analysis.Analyzer analyzer, string text) =>
        [.. ArchiveAnalyzers.Tokenize(analyzer, text).Select(t => t.Term)];
}
