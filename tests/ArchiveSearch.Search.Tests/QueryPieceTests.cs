namespace ArchiveSearch.Search.Tests;

/// <summary>
/// How a query's chunk is cut before SmartCn sees it, with the bundled word lists: question forms (query-question-forms.txt)
/// and synonym terms (synonyms.txt) come out as pieces of their own.
/// </summary>
public sealed class QueryPieceTests
{
    [Fact]
    public void A_question_form_is_a_piece_of_its_own_between_plain_text()
    {
        Pieces("人造角膜会不会有触觉").Should().Equal("人造角膜:Plain", "会不会:Question", "有触觉:Plain");
    }

    [Fact]
    public void A_synonym_term_is_kept_whole_and_the_longest_wins()
    {
        Pieces("碳达峰碳中和政策").Should().Equal("碳达峰碳中和:Synonym", "政策:Plain");
        Pieces("常州碳达峰").Should().Equal("常州:Plain", "碳达峰:Synonym");
    }

    [Theory]
    [InlineData("AI芯片", new[] { "AI:Synonym", "芯片:Synonym" })]
    [InlineData("ai applications", new[] { "ai:Synonym", " applications:Plain" })]
    [InlineData("he said so", new[] { "he said so:Plain" })]
    [InlineData("AIGC", new[] { "AIGC:Plain" })]
    public void A_Latin_synonym_matches_in_any_case_but_only_as_a_word(string chunk, string[] expected)
    {
        Pieces(chunk).Should().Equal(expected);
    }

    [Fact]
    public void Text_with_neither_is_one_plain_piece()
    {
        Pieces("科技金融").Should().Equal("科技金融:Plain");
    }

    private static List<string> Pieces(string chunk) =>
        [.. QueryPiece.Of(chunk, QueryVocabulary.Default).Select(p => $"{chunk.Substring(p.Offset, p.Length)}:{p.Kind}")];
}
