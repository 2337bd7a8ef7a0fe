using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>Snippets whose words are found in the bodies' text are the snippets the postings give, on the real index.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class SnippetBuilderTests(CorpusIndexFixture index)
{
    [Fact]
    public void Words_found_in_the_text_highlight_what_the_postings_do_in_every_article()
    {
        var reader = index.Reader;
        var articles = Enumerable.Range(0, reader.MaxDoc)
            .Select(doc => (DocId: doc, ArticleDocument.FromDocument(reader.Document(doc)).Body))
            .ToList();
        var plain = articles.Select(a => (a.DocId, a.Body, ScriptFolding.Default.KeepsIdeographs(a.Body))).ToList();
        plain.Should().OnlyContain(a => a.Item3, "the bundled issues are in simplified characters, so every body is searched as written");
        // Every judged query, and words the judged ones lack: a synonym in Latin, mixed Latin and ideographs, a repeated
        // bigram, a phrase, an unspaced query with a year.
        var queries = JudgedQueryTests.Load().Select(q => q.Query)
            .Concat(["人工智能 AI", "5G网络", "发展发展", "\"未来产业\"", "2022年常州惠企政策", "知识产权 保护"]);

        var highlighted = 0;
        foreach (var query in queries)
        {
            var words = Highlights(reader, ScriptFolding.Default.Fold(query));
            var expected = SnippetBuilder.FromPostings(reader, [.. articles], words);
            SnippetBuilder.Build(reader, plain, words).Zip(expected).Where(pair => pair.First != pair.Second)
                .Should().BeEmpty(query);
            highlighted += expected.Count(s => s.Contains("<em>"));
        }
        highlighted.Should().BeGreaterThan(articles.Count * 5, "most queries highlight something in many articles");
    }

    /// <summary>
    /// A body that folds without touching its ideographs (ellipses become three dots, full-width digits and letters
    /// ASCII) is searched as written: the offsets folding shifts are the index's to correct, and the words found in the
    /// text stand where the postings put them.
    /// </summary>
    [Fact]
    public void A_body_whose_folding_moves_offsets_but_keeps_its_ideographs_is_highlighted_as_the_postings_say()
    {
        using var temp = new TempDirectory();
        var corpus = Directory.CreateDirectory(temp.Combine("corpus")).FullName;
        var article = index.Articles.First(a => a.Body.Contains("人工智能"));
        var body = "２０２４年……ＡＩ与人工智能……产业发展——" + article.Body.Replace("，", "……");
        File.WriteAllText(Path.Combine(corpus, "folds.jsonl"), ArticleJson.Serialize(article with { Id = "folds-01", Body = body }) + "\n");
        IndexRebuilder.Rebuild(corpus, temp.Combine("index"));
        using var directory = new ServingDirectory(new IndexLayout(temp.Combine("index")).CurrentGeneration()!);
        using var reader = DirectoryReader.Open(directory);

        ScriptFolding.Default.Fold(body).Should().NotBe(body).And.HaveLength(body.Length + 2 * (body.Split('…').Length - 1));
        ScriptFolding.Default.KeepsIdeographs(body).Should().BeTrue();
        var doc = new IndexSearcher(reader).Search(new TermQuery(new Term(ArticleFields.Id, "folds-01")), 1).ScoreDocs[0].Doc;
        foreach (var query in new[] { "人工智能", "产业发展", "人工智能 产业发展 AI" })
        {
            var words = Highlights(reader, query);
            var expected = SnippetBuilder.FromPostings(reader, [(doc, body)], words);
            expected[0].Should().Contain("<em>", query);
            SnippetBuilder.Build(reader, [(doc, body, true)], words).Should().Equal(expected, query);
        }
    }

    [Fact]
    public void A_snippet_is_html_encoded_with_its_newlines_as_spaces()
    {
        var words = Highlights(index.Reader, "人工智能");
        const string body = "甲<b>乙&丙\"丁'戊·庚\U00020000辛人工智能壬\n癸";

        SnippetBuilder.Build(index.Reader, [(0, body, true)], words).Should().Equal(
            "甲&lt;b&gt;乙&amp;丙&quot;丁&#39;戊&#183;庚&#131072;辛<em>人工智能</em>壬 癸");
    }

    [Theory]
    [InlineData("甲·乙人工智能", "甲&#183;乙<em>人工智能</em>")]
    [InlineData("甲\U00020000乙人工智能", "甲&#131072;乙<em>人工智能</em>")]
    [InlineData("人工智能甲\n乙", "<em>人工智能</em>甲 乙")]
    [InlineData("甲&乙人工智能", "甲&amp;乙<em>人工智能</em>")]
    public void A_stretch_with_one_character_to_encode_is_encoded(string body, string expected)
    {
        var words = Highlights(index.Reader, "人工智能");

        SnippetBuilder.Build(index.Reader, [(0, body, true)], words).Should().Equal(expected);
    }

    /// <summary>The words a query highlights, as the searcher builds them over <paramref name="reader"/>.</summary>
    private static IReadOnlyList<IReadOnlyList<AnalyzedToken>> Highlights(IndexReader reader, string query)
    {
        using var states = new TermStates(reader.Context);
        return new QueryBuilder(QueryVocabulary.Default, states).Build(UserQuery.Parse(query)).Reading.Highlights;
    }
}
