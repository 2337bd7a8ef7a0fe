using System.Diagnostics;
using System.Net.Sockets;
using TestSupport;

namespace SearchApi.Tests;

/// <summary>
/// Debian's nginx with deploy/nginx.conf (placeholders filled in) in front of the given ports, as a non-daemon
/// child process with its own prefix, pid file and temp folders in a temp dir.
/// </summary>
internal sealed class Nginx : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private readonly TempDirectory _prefix = new();
    private readonly Process _process;

    public Nginx(IEnumerable<int> replicaPorts)
    {
        Port = Loopback.FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}/");
        // Its workers run as nobody when the tests run as root: they must be able to enter the prefix.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_prefix.Path, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(_prefix.Combine("temp"));
        var servers = string.Join("\n        ", replicaPorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"));
        var config = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "nginx.conf"))
            .Select(line => line.TrimStart().StartsWith('#') ? line
                : line.Replace("@LISTEN@", $"127.0.0.1:{Port}").Replace("@REPLICAS@", servers));
        File.WriteAllLines(_prefix.Combine("nginx.conf"), config);
        _process = Process.Start(new ProcessStartInfo(Binary)
        {
            ArgumentList = { "-p", _prefix.Path, "-c", _prefix.Combine("nginx.conf"), "-e", "stderr", "-g", "daemon off;" },
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        Eventually.True(() => Task.FromResult(Listening()), 10, "nginx listening").GetAwaiter().GetResult();
    }

    public int Port { get; }
    public Uri Address { get; }

    private bool Listening()
    {
        if (_process.HasExited) throw new InvalidOperationException($"nginx exited: {_process.StandardError.ReadToEnd()}");
        try
        {
            using var client = new TcpClient("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the master stops its workers (a SIGKILLed master would leave them running).
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) kill.WaitForExit();
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _prefix.Dispose();
    }
}
