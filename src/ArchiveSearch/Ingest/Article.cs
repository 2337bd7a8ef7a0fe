namespace ArchiveSearch.Ingest;

/// <summary>One newsletter article with its metadata: the unit that is indexed and returned by search.</summary>
public sealed record Article
{
    /// <summary>Stable across rebuilds of the same corpus and URL-safe.</summary>
    public required string Id { get; init; }

    /// <summary>The issue number where the file states it (e.g. "43"), else a key from the file name.</summary>
    public required string Issue { get; init; }

    /// <summary>The issue's date from its header, when it has one.</summary>
    public DateOnly? IssueDate { get; init; }

    public required string Section { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }

    /// <summary>Short place names (江苏, 常州) and 全国 for nationwide bodies and policy.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    public required DateOnly Date { get; init; }
    public required DateSource DateSource { get; init; }

    /// <summary>Paragraphs separated by '\n'.</summary>
    public required string Body { get; init; }
}

/// <summary>Where an article's <see cref="Article.Date"/> came from.</summary>
public enum DateSource
{
    /// <summary>The text dates its own event.</summary>
    Article,
    /// <summary>The issue's header date.</summary>
    Issue,
    /// <summary>Estimated from the latest full dates the issue mentions.</summary>
    Estimated,
}
