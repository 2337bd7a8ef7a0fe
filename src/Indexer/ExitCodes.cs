namespace Indexer;

/// <summary>The indexer's exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A corpus file cannot be read, or there is nothing to index.</summary>
    public const int InvalidInput = 1;
    /// <summary>Unknown command or bad arguments.</summary>
    public const int Usage = 2;
    /// <summary>Another rebuild is running.</summary>
    public const int Locked = 3;
    /// <summary>The new generation did not verify, or no index exists to report on.</summary>
    public const int VerificationFailed = 4;
}
