namespace ArchiveSearch.Index;

/// <summary>The index's field names: the one place the indexer and the searcher agree on them.</summary>
public static class ArticleFields
{
    public const string Id = "id";
    public const string Issue = "issue";
    public const string IssueDate = "issueDate";
    public const string Section = "section";
    public const string Title = "title";
    public const string Source = "source";
    public const string Regions = "regions";

    /// <summary>yyyyMMdd as an int: range filters (trie terms), sorting (doc values).</summary>
    public const string Date = "date";
    /// <summary>The stored yyyy-MM-dd text of <see cref="Date"/>.</summary>
    public const string DateText = "dateText";
    public const string DateSource = "dateSource";

    /// <summary>
    /// The article's place in the corpus (files by name, articles in file order), as a doc value. Documents are
    /// added from several threads, so their doc ids differ between rebuilds; ties in ranking are broken by this
    /// instead, and the same query lists the same articles in the same order after every rebuild.
    /// </summary>
    public const string Ordinal = "ordinal";
    public const string Body = "body";

    /// <summary>CJK bigrams of the title: recovers words SmartCn splits (引领 → 引 / 领).</summary>
    public const string TitleBigrams = "title_bigrams";
    /// <summary>CJK bigrams of the body, indexed with offsets: the field snippets are cut from.</summary>
    public const string BodyBigrams = "body_bigrams";
}
