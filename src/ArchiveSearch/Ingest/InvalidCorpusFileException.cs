namespace ArchiveSearch.Ingest;

/// <summary>A corpus file that is binary, empty, undecodable or holds no articles.</summary>
public sealed class InvalidCorpusFileException(string path, string reason)
    : Exception($"{path}: {reason}")
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}
