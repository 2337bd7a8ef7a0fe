namespace ArchiveSearch.Index;

public enum RebuildFailure
{
    /// <summary>A corpus file cannot be read, or the corpus holds nothing to index.</summary>
    InvalidInput,
    /// <summary>Another rebuild holds the lock.</summary>
    Locked,
    /// <summary>The new generation did not verify; the serving one was left in place.</summary>
    VerificationFailed,
}

/// <summary>A rebuild that stopped before publishing; the serving generation is untouched.</summary>
public sealed class RebuildException(RebuildFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RebuildFailure Failure { get; } = failure;
}
