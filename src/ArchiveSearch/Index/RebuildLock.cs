namespace ArchiveSearch.Index;

/// <summary>
/// Only one rebuild at a time. The lock is an OS file lock (FileShare.None is an flock on Unix), so the kernel
/// releases it when its holder dies: a stale lock file from a killed process never blocks the next rebuild.
/// </summary>
public sealed class RebuildLock : IDisposable
{
    private readonly FileStream _stream;

    private RebuildLock(FileStream stream) => _stream = stream;

    /// <exception cref="RebuildException">Another rebuild holds the lock.</exception>
    public static RebuildLock Acquire(IndexLayout layout)
    {
        Directory.CreateDirectory(layout.Root);
        FileStream stream;
        try
        {
            stream = new FileStream(layout.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new RebuildException(RebuildFailure.Locked,
                $"another rebuild is running (it holds {layout.LockPath}); try again when it has finished");
        }
        // The pid is for an operator reading the file with cat; the OS lock is what counts.
        stream.SetLength(0);
        var pid = System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n");
        stream.Write(pid);
        stream.Flush();
        return new RebuildLock(stream);
    }

    public void Dispose() => _stream.Dispose();
}
