namespace ArchiveSearch.Search;

/// <summary>No index generation has been published at the configured path yet.</summary>
public sealed class IndexNotReadyException(string indexDir)
    : Exception($"no index has been published in {indexDir} yet");
