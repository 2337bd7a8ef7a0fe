using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using TestSupport;

namespace SearchApi.Tests;

/// <summary>
/// The built SearchApi as a real child process on a real loopback port, so a test can SIGKILL it. Its console
/// output is kept for assertions on the logs (and for failure messages).
/// </summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process _process;

    public ApiProcess(Dictionary<string, string?> settings, int? port = null)
    {
        _settings = settings;
        Port = port ?? Loopback.FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}/");
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        _process = Start();
    }

    /// <summary>SearchApi.dll as the test build built it (same configuration as the tests).</summary>
    public static string Dll { get; } = Path.Combine(RepoPaths.Root, "src", "SearchApi", "bin",
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!), "net10.0", "SearchApi.dll");

    public int Port { get; }
    public Uri Address { get; }
    public HttpClient Client { get; }
    public string Output => string.Join('\n', _output);

    /// <summary>SIGKILL: no shutdown, no flush, no cleanup, as a crash or the OOM killer would stop it.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Starts it again on the same port with the same settings (and whatever is left in its index folder).</summary>
    public void Restart(Dictionary<string, string?>? changes = null)
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        foreach (var (key, value) in changes ?? []) _settings[key] = value;
        _process = Start();
    }

    public Task WaitReady(int seconds = 60) => Eventually.True(async () =>
    {
        if (_process.HasExited) throw new InvalidOperationException($"the API exited ({_process.ExitCode}):\n{Output}");
        using var response = await Get("/health/ready");
        return response?.StatusCode == HttpStatusCode.OK;
    }, seconds, $"{Address} ready");

    /// <summary>A GET that answers null when the process does not answer (refused, reset).</summary>
    public async Task<HttpResponseMessage?> Get(string path)
    {
        try
        {
            return await Client.GetAsync(path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The sum of a Prometheus series over the lines that carry every label given (name="value").</summary>
    public async Task<double> Metric(string name, params string[] labels)
    {
        var text = await Client.GetStringAsync("/metrics");
        return Prometheus.Sum(text, name, labels);
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Dll, "--urls", Address.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        Client.Dispose();
    }
}

/// <summary>Loopback addresses and ports for tests: everything stays on 127.0.0.0/8.</summary>
internal static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (127.0.0.2, 127.0.0.3, …): another machine, as the server sees it.</summary>
    public static HttpClient From(string source, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
}

internal static partial class Prometheus
{
    public static double Sum(string text, string name, params string[] labels) =>
        text.Split('\n')
            .Select(line => Series().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{.*\})? (?<value>\S+)")]
    private static partial Regex Series();
}

/// <summary>Bounded polling: no sleeps that guess how long something takes, and no loop without an end.</summary>
internal static class Eventually
{
    /// <summary>Until <paramref name="condition"/> holds; a process that does not answer yet (just started) counts as not yet.</summary>
    public static async Task True(Func<Task<bool>> condition, double seconds, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await Holds(condition))
        {
            if (deadline.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"not {what} within {seconds} s");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> Holds(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
