using System.Globalization;
using ArchiveSearch.Ingest;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Index;

/// <summary>The document schema: how an <see cref="Article"/> is written to the index and read back.</summary>
public static class ArticleDocument
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>SmartCn words of the title, with positions; stored to be returned.</summary>
    private static readonly FieldType TitleWords = Frozen(new FieldType(TextField.TYPE_STORED));

    /// <summary>
    /// SmartCn words of the body, stored to be returned. Without positions: phrases and proximity in the body are
    /// matched on its bigrams, so positions here would only double the largest part of the index.
    /// </summary>
    private static readonly FieldType BodyWords = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    /// <summary>Bigrams of the body carry offsets so snippets are cut from the postings, not by re-analysis.</summary>
    private static readonly FieldType BodyBigramsType = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    public static Document ToDocument(Article article, int ordinal)
    {
        var doc = new Document
        {
            new StringField(ArticleFields.Id, article.Id, Field.Store.YES),
            new StringField(ArticleFields.Issue, article.Issue, Field.Store.YES),
            new StringField(ArticleFields.Section, article.Section, Field.Store.YES),
            new SortedSetDocValuesField(ArticleFields.Section, new BytesRef(article.Section)),
            new Field(ArticleFields.Title, article.Title, TitleWords),
            new TextField(ArticleFields.TitleBigrams, article.Title, Field.Store.NO),
            new Field(ArticleFields.Body, article.Body, BodyWords),
            new Field(ArticleFields.BodyBigrams, article.Body, BodyBigramsType),
            new StoredField(ArticleFields.Source, article.Source),
            new Int32Field(ArticleFields.Date, DateKey(article.Date), Field.Store.NO),
            new NumericDocValuesField(ArticleFields.Date, DateKey(article.Date)),
            new NumericDocValuesField(ArticleFields.Ordinal, ordinal),
            new StoredField(ArticleFields.DateText, article.Date.ToString(DateFormat, CultureInfo.InvariantCulture)),
            new StoredField(ArticleFields.DateSource, article.DateSource.ToString().ToLowerInvariant()),
        };
        if (article.IssueDate is { } issueDate)
            doc.Add(new StoredField(ArticleFields.IssueDate, issueDate.ToString(DateFormat, CultureInfo.InvariantCulture)));
        foreach (var region in article.Regions)
        {
            doc.Add(new StringField(ArticleFields.Regions, region, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(ArticleFields.Regions, new BytesRef(region)));
        }
        return doc;
    }

    /// <summary>Reads an article back from its stored fields; <see cref="Article.Body"/> is empty when it was not loaded.</summary>
    public static Article FromDocument(Document doc) => new()
    {
        Id = doc.Get(ArticleFields.Id),
        Issue = doc.Get(ArticleFields.Issue),
        IssueDate = doc.Get(ArticleFields.IssueDate) is { } issueDate ? ParseDate(issueDate) : null,
        Section = doc.Get(ArticleFields.Section),
        Title = doc.Get(ArticleFields.Title),
        Source = doc.Get(ArticleFields.Source),
        Regions = doc.GetValues(ArticleFields.Regions),
        Date = ParseDate(doc.Get(ArticleFields.DateText)),
        DateSource = Enum.Parse<DateSource>(doc.Get(ArticleFields.DateSource), ignoreCase: true),
        Body = doc.Get(ArticleFields.Body) ?? "",
    };

    /// <summary>Dates are indexed as yyyyMMdd ints: ordered like dates, and readable in a debugger.</summary>
    public static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
