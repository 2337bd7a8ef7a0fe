using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ArchiveSearch.Index;
using ArchiveSearch.Search;
using Microsoft.Extensions.Options;
using SearchApi.Observability;

namespace SearchApi.Replication;

/// <summary>
/// On a replica (Search:Replication:PrimaryUrl set): polls the primary's manifest, and when the primary serves a
/// generation this replica lacks, copies its files into <see cref="IndexLayout.IncomingFolder"/>, resuming what an
/// earlier run left there, checks every file's SHA-256 and the document count, and installs it as a rebuild would
/// publish it. Nothing is served until all of that passed; while the primary is away the replica serves what it has.
/// </summary>
public sealed partial class ReplicaSync(
    IOptions<SearchOptions> options, ArchiveSearcher searcher, ReplicaState state, ApiMetrics metrics, ILogger<ReplicaSync> logger)
    : BackgroundService
{
    /// <summary>Fetches of a file whose bytes fail the checksum, before the copy gives up until the next poll.</summary>
    private const int ChecksumAttempts = 3;
    /// <summary>A download that receives nothing for this long is abandoned; the next poll resumes it.</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(30);

    private readonly IndexLayout _layout = new(options.Value.IndexPath);
    private readonly SearchOptions.ReplicationOptions _settings = options.Value.Replication;
    private bool _wasReachable = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.IsReplica) return;
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(_settings.PrimaryUrl!.TrimEnd('/') + "/replication/"),
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { ApiKeys.Header, _settings.ApiKey } },
        };
        Started(logger, _settings.PrimaryUrl!, _settings.PollSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_settings.PollSeconds));
        do
        {
            try
            {
                await SyncOnce(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever went wrong, the serving generation is untouched; the next poll starts over (resuming the copy).
                state.Failed(e.Message);
                metrics.ReplicationFailed(e is ReplicationException r ? r.Reason : "error");
                CopyFailed(logger, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SyncOnce(HttpClient client, CancellationToken stop)
    {
        var manifest = await FetchManifest(client, stop);
        if (manifest is null) return;
        if (searcher.Generation != manifest.Generation)
        {
            var existing = _layout.GenerationPath(manifest.Generation);
            if (Directory.Exists(existing))
            {
                // Copied before (the primary rolled back to it): it was verified then, and generations never change.
                using (RebuildLock.Acquire(_layout)) _layout.Switch(existing);
            }
            else
            {
                await Copy(client, manifest, stop);
            }
            searcher.Refresh();
            Switched(logger, manifest.Generation, manifest.Documents);
        }
        state.Serving(searcher.Generation);
    }

    /// <summary>The primary's manifest; null when the primary is unreachable or has no index yet (state says which).</summary>
    private async Task<ManifestResponse?> FetchManifest(HttpClient client, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(StallTimeout);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync("manifest", timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            state.Unreachable($"the primary {_settings.PrimaryUrl} cannot be reached: {e.Message}");
            metrics.ReplicationFailed("unreachable");
            if (_wasReachable) Unreachable(logger, _settings.PrimaryUrl!, searcher.Generation ?? "nothing yet", e.Message);
            _wasReachable = false;
            return null;
        }
        using (response)
        {
            if (!_wasReachable) Reachable(logger, _settings.PrimaryUrl!);
            _wasReachable = true;
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                state.Reached(null);
                state.Failed("the primary has no index yet");
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                state.Reached(null);
                throw new ReplicationException("refused",
                    $"the primary answered {(int)response.StatusCode} to the manifest request (check Search:Replication:ApiKey)");
            }
            var manifest = await response.Content.ReadFromJsonAsync<ManifestResponse>(stop)
                ?? throw new ReplicationException("refused", "the primary sent an empty manifest");
            if (!IndexLayout.IsGenerationName(manifest.Generation) || manifest.Files.Any(f => !IsPlainFileName(f.Name)))
                throw new ReplicationException("refused", $"the primary's manifest names '{manifest.Generation}' or a file this replica will not write");
            state.Reached(manifest.Generation);
            return manifest;
        }
    }

    private async Task Copy(HttpClient client, ManifestResponse manifest, CancellationToken stop)
    {
        // Only the copy of the generation wanted now is resumed; copies of ones the primary has moved on from go.
        _layout.RemoveIncomingExcept(manifest.Generation);
        var folder = _layout.IncomingFolder(manifest.Generation);
        foreach (var stray in Directory.GetFiles(folder).Where(f => manifest.Files.All(m => m.Name != Path.GetFileName(f))))
            File.Delete(stray);
        foreach (var file in manifest.Files)
            await Fetch(client, manifest.Generation, folder, file, stop);

        var documents = IndexLayout.CountDocuments(folder);
        if (documents != manifest.Documents)
        {
            Directory.Delete(folder, recursive: true);
            throw new ReplicationException("documents",
                $"the copy of {manifest.Generation} holds {documents} documents, the primary's {manifest.Documents}; discarded");
        }
        using (RebuildLock.Acquire(_layout)) _layout.Install(folder);
        metrics.ReplicationInstalled();
    }

    /// <summary>One file, resumed from what is already there, until its SHA-256 is the manifest's.</summary>
    private async Task Fetch(HttpClient client, string generation, string folder, ManifestFile file, CancellationToken stop)
    {
        var path = Path.Combine(folder, file.Name);
        for (var attempt = 1; attempt <= ChecksumAttempts; attempt++)
        {
            var have = File.Exists(path) ? new FileInfo(path).Length : 0;
            if (have > file.Size)
            {
                File.Delete(path);
                have = 0;
            }
            if (have < file.Size) await Download(client, generation, file, path, have, stop);
            if (await Sha256(path, stop) == file.Sha256) return;
            File.Delete(path);
            metrics.ReplicationFailed("checksum");
            ChecksumMismatch(logger, file.Name, generation, attempt, ChecksumAttempts);
        }
        throw new ReplicationException("checksum",
            $"{file.Name} of {generation} failed its SHA-256 check {ChecksumAttempts} times; not installed");
    }

    private async Task Download(HttpClient client, string generation, ManifestFile file, string path, long offset, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"generations/{Uri.EscapeDataString(generation)}/files/{Uri.EscapeDataString(file.Name)}");
        if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(stop);
        stall.CancelAfter(StallTimeout);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new ReplicationException("refused", $"the primary no longer has {file.Name} of {generation}; the next poll copies what it serves now");
        response.EnsureSuccessStatusCode();
        // 206 continues the partial file; a 200 is the whole file again.
        var resume = response.StatusCode == HttpStatusCode.PartialContent;
        await using var source = await response.Content.ReadAsStreamAsync(stall.Token);
        await using var target = new FileStream(path, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
        var buffer = new byte[64 * 1024];
        var clock = Stopwatch.StartNew();
        long received = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, stall.Token)) > 0)
        {
            stall.CancelAfter(StallTimeout);
            await target.WriteAsync(buffer.AsMemory(0, read), stop);
            received += read;
            metrics.ReplicationReceived(read);
            if (_settings.MaxBytesPerSecond > 0)
            {
                var due = TimeSpan.FromSeconds((double)received / _settings.MaxBytesPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, stop);
            }
        }
        target.Flush(flushToDisk: true);
    }

    private static async Task<string> Sha256(string path, CancellationToken stop)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, stop));
    }

    private static bool IsPlainFileName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..") && !name.Contains('\\');

    [LoggerMessage(Level = LogLevel.Information, Message = "Replica of {Primary}, polling every {PollSeconds} s")]
    private static partial void Started(ILogger logger, string primary, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Now serving {Generation} ({Documents} articles) from the primary")]
    private static partial void Switched(ILogger logger, string generation, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The primary {Primary} cannot be reached; still serving {Generation}: {Error}")]
    private static partial void Unreachable(ILogger logger, string primary, string generation, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The primary {Primary} answers again")]
    private static partial void Reachable(ILogger logger, string primary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} of {Generation} failed its SHA-256 check (attempt {Attempt} of {Attempts}); discarded, fetching it again")]
    private static partial void ChecksumMismatch(ILogger logger, string file, string generation, int attempt, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying from the primary failed; the serving generation is unchanged and the next poll retries")]
    private static partial void CopyFailed(ILogger logger, Exception error);
}

/// <summary>A copy that cannot go on; <see cref="Reason"/> is the metrics' label.</summary>
public sealed class ReplicationException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
