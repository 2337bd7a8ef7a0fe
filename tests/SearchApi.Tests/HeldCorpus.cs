using System.Diagnostics;
using TestSupport;

namespace SearchApi.Tests;

/// <summary>
/// A copy of the corpus whose last file is a pipe still being written: a rebuild over it waits on that file until
/// <see cref="Release"/>, so a test can look at the service mid-rebuild without racing it.
/// </summary>
internal sealed class HeldCorpus : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _held = RepoPaths.CorpusFiles[^1];
    private readonly string _pipe;

    public HeldCorpus()
    {
        foreach (var file in RepoPaths.CorpusFiles[..^1]) File.Copy(file, _folder.Combine(System.IO.Path.GetFileName(file)));
        _pipe = _folder.Combine(System.IO.Path.GetFileName(_held));
        using var mkfifo = Process.Start("mkfifo", [_pipe]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0, "mkfifo makes the pipe that holds the rebuild");
    }

    public string Path => _folder.Path;

    /// <summary>Writes the last file's real bytes into the pipe; returns once the rebuild has read them.</summary>
    public Task Release() =>
        Task.Run(() => File.WriteAllBytes(_pipe, File.ReadAllBytes(_held))).WaitAsync(TimeSpan.FromSeconds(60));

    public void Dispose() => _folder.Dispose();
}
