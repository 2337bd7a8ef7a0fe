namespace ArchiveSearch.Search.Tests;

/// <summary>Which words relaxation gives up, in what order, and how it ranks what each step finds: the pure part.</summary>
public sealed class RelaxationTests
{
    private static TermStats Word(double weight, int docFreq = 5) => new(TermRole.Word, docFreq, weight);

    [Fact]
    public void Absent_words_go_first_then_generic_words_and_places_then_the_lightest_topic_word()
    {
        TermStats[] terms =
        [
            new(TermRole.Place, 15, 1.6),    // 0 常州
            Word(3.4, 2),                    // 1 惠企
            new(TermRole.Generic, 32, 0.9),  // 2 政策
            Word(9.0, 0),                    // 3 a word no article has, however rare its bigrams
            new(TermRole.Year, 13, 2.0),     // 4 2022年: never required, so never dropped
            Word(2.1, 9),                    // 5 软件
        ];

        Relaxation.DropOrder(terms).Should().Equal(3, 2, 0, 5);
    }

    [Fact]
    public void A_long_word_outweighs_a_rarer_short_fragment()
    {
        // 要建 (one bigram, in 2 articles) and 概念验证中心 (five bigrams, in 5): the idf sum keeps the topic.
        TermStats[] terms = [Word(Relaxation.Idf(2, 79), 2), Word(new[] { 10, 3, 9, 4, 47 }.Sum(df => Relaxation.Idf(df, 79)), 5)];

        Relaxation.DropOrder(terms).Should().Equal(0);
    }

    [Fact]
    public void The_heaviest_topic_word_is_never_dropped_and_equal_weights_drop_the_later_word()
    {
        Relaxation.DropOrder([Word(2), Word(2)]).Should().Equal(1);
        Relaxation.DropOrder([Word(5)]).Should().BeEmpty();
        Relaxation.DropOrder([]).Should().BeEmpty();
    }

    [Fact]
    public void Each_level_drops_one_more_word_and_the_last_asks_for_any_topic_word()
    {
        TermStats[] terms = [Word(6), new(TermRole.Generic, 70, 0.2), Word(3), new(TermRole.Year, 13, 1)];

        var levels = Relaxation.Levels(terms, [TermRole.Word, TermRole.Generic, TermRole.Word, TermRole.Year]);

        levels.Should().HaveCount(3);
        levels[0].Should().BeEquivalentTo(new RelaxationLevel([0, 2], [], [1]));
        levels[1].Should().BeEquivalentTo(new RelaxationLevel([0], [], [1, 2]));
        levels[2].Should().BeEquivalentTo(new RelaxationLevel([], [0, 2], [0, 1, 2]));
    }

    [Fact]
    public void Without_two_topic_words_there_is_no_any_of_step()
    {
        var levels = Relaxation.Levels([new(TermRole.Place, 15, 1.6), Word(3)], [TermRole.Place, TermRole.Word]);

        levels.Should().ContainSingle().Which.Should().BeEquivalentTo(new RelaxationLevel([1], [], [0]));
    }

    [Fact]
    public void Adjacent_topic_words_the_archive_holds_together_become_one_group_longest_first()
    {
        // 工业 软件 国产化 | 常州 概念 验证 中心: 工业软件 occurs, 工业软件国产化 does not; 概念验证中心 does.
        TermRole[] roles = [TermRole.Word, TermRole.Word, TermRole.Word, TermRole.Place, TermRole.Word, TermRole.Word, TermRole.Word];
        var verbatim = new HashSet<(int, int)> { (0, 1), (4, 5), (4, 6), (3, 4) };

        var groups = Relaxation.Compounds(roles, adjacent: _ => true, occursVerbatim: (f, l) => verbatim.Contains((f, l)));

        groups.Should().Equal((0, 1), (2, 2), (3, 3), (4, 6));
    }

    [Fact]
    public void Words_apart_in_the_query_are_never_grouped()
    {
        var groups = Relaxation.Compounds([TermRole.Word, TermRole.Word], adjacent: _ => false, occursVerbatim: (_, _) => true);

        groups.Should().Equal((0, 0), (1, 1));
    }

    [Fact]
    public void What_the_strict_query_found_ranks_before_what_relaxing_added()
    {
        // Hits in score order; a and c have every word.
        string[] hits = ["x", "a", "y", "c", "z"];

        Relaxation.StrictFirst(hits, h => h is "a" or "c").Should().Equal("a", "c", "x", "y", "z");
    }

    [Theory]
    [InlineData("2022年", 2022)]
    [InlineData("2024", 2024)]
    [InlineData("1998年", 1998)]
    [InlineData("2022年度", null)]
    [InlineData("十四五", null)]
    [InlineData("12022", null)]
    public void A_year_is_four_digits_with_or_without_年(string word, int? year)
    {
        QueryFacts.Year(word).Should().Be(year);
    }

    [Theory]
    [InlineData("常州", "常州")]
    [InlineData("常州市", "常州")]
    [InlineData("江苏省", "江苏")]
    [InlineData("武进", "武进")]
    [InlineData("武进区", "武进")]
    [InlineData("全国", null)]
    [InlineData("长三角", null)]
    [InlineData("常州科技", null)]
    [InlineData("政策", null)]
    public void A_place_is_a_word_that_names_one_region_whole(string word, string? tag)
    {
        QueryFacts.Place(word).Should().Be(tag);
    }
}
