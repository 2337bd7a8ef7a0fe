using ArchiveSearch.Index;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// How a piece of a query is cut into the units it is searched by, from its SmartCn tokens (written out here as SmartCn
/// cuts them, so each case says what the joining does whatever the dictionary).
/// </summary>
public sealed class UnitSpanTests
{
    [Fact]
    public void Words_are_units_and_a_run_of_single_characters_is_one()
    {
        Units("加快科技创新引领", ("加快", 0), ("科技", 2), ("创新", 4), ("引", 6), ("领", 7))
            .Should().Equal("加快", "科技", "创新", "引领");
    }

    [Theory]
    [InlineData("显示器件", "显示器", "件")]
    [InlineData("元宇宙", "元", "宇宙")]
    public void A_lone_character_joins_the_word_it_touches(string piece, string first, string second)
    {
        Units(piece, (first, 0), (second, first.Length)).Should().Equal(piece);
    }

    [Fact]
    public void A_lone_character_between_words_joins_the_one_before()
    {
        Units("光伏板材料", ("光伏", 0), ("板", 2), ("材料", 3)).Should().Equal("光伏板", "材料");
    }

    [Fact]
    public void A_lone_generic_character_stays_a_unit_of_its_own()
    {
        Units("AR眼镜新产品", ("ar", 0), ("眼镜", 2), ("新", 4), ("产品", 5)).Should().Equal("AR", "眼镜", "新", "产品");
    }

    [Fact]
    public void Latin_letters_and_digits_cut_apart_are_one_unit()
    {
        Units("PAS2060标准", ("pas", 0), ("2060", 3), ("标准", 7)).Should().Equal("PAS2060", "标准");
    }

    [Fact]
    public void Stopwords_are_left_out_and_nothing_joins_across_one()
    {
        Units("企业的融资", ("企业", 0), ("的", 2), ("融资", 3)).Should().Equal("企业", "融资");
        Units("引的领", ("引", 0), ("的", 1), ("领", 2)).Should().Equal("引", "领");
    }

    private static List<string> Units(string piece, params (string Term, int Start)[] tokens) =>
    [
        .. UnitSpan.Of(piece, [.. tokens.Select((t, i) => new AnalyzedToken(t.Term, t.Start, t.Start + t.Term.Length, i))],
                QueryVocabulary.Default)
            .Select(span => piece[span.Start..span.End]),
    ];
}
