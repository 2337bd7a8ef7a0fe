namespace ArchiveSearch.Search.Tests;

/// <summary>How the query builder finds synonym terms and question forms in a query, read from the data files.</summary>
public sealed class QueryVocabularyTests
{
    private static readonly QueryVocabulary Vocabulary = QueryVocabulary.Default;

    [Fact]
    public void Synonym_terms_are_found_by_their_first_character_longest_first()
    {
        Vocabulary.SynonymTermsFrom('碳').Should().Equal("碳达峰碳中和", "碳达峰", "碳中和");
        Vocabulary.SynonymTermsFrom('发').Should().Equal("发展和改革委员会", "发展改革委", "发改委");
        Vocabulary.SynonymTermsFrom('创').Should().BeEmpty();
    }

    [Fact]
    public void A_latin_synonym_term_is_found_whatever_the_case_typed()
    {
        Vocabulary.SynonymTermsFrom('a').Should().Contain("AI");
        Vocabulary.SynonymTermsFrom('A').Should().Contain("AI");
        Vocabulary.SynonymTermsFrom('I').Should().Contain("IoT");
    }

    [Fact]
    public void Question_forms_are_found_by_their_first_character()
    {
        Vocabulary.QuestionFormsFrom('会').Should().Equal("会不会");
        Vocabulary.QuestionFormsFrom('有').Should().BeEquivalentTo("有没有", "有多大");
        Vocabulary.QuestionFormsFrom('政').Should().BeEmpty();
    }
}
