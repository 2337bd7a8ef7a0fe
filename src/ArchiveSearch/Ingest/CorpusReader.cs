namespace ArchiveSearch.Ingest;

/// <summary>Reads corpus files (newsletter issues as text, or JSONL articles) into articles.</summary>
public static class CorpusReader
{
    /// <summary>Reads one file whole. Throws <see cref="InvalidCorpusFileException"/> naming the file when it cannot be read.</summary>
    public static IReadOnlyList<Article> ReadFile(string path) => throw new NotImplementedException();
}
