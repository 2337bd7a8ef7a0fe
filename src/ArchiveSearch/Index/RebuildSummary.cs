namespace ArchiveSearch.Index;

/// <summary>What a finished rebuild did.</summary>
public sealed record RebuildSummary(
    string Generation,
    int Files,
    int Articles,
    long TextCharacters,
    IReadOnlyDictionary<string, int> ArticlesPerSection,
    IReadOnlyList<string> SkippedFiles,
    TimeSpan Elapsed,
    long IndexBytes);

/// <summary>Progress of a rebuild stage: <paramref name="Done"/> of <paramref name="Total"/> items.</summary>
public sealed record RebuildProgress(string Stage, int Done, int Total);
