using System.Collections.Concurrent;
using System.Security.Cryptography;
using ArchiveSearch.Index;
using Microsoft.Extensions.Options;

namespace SearchApi.Replication;

/// <summary>
/// The manifests of this instance's generations, each computed once: a published generation never changes, so
/// its files' checksums stay true for as long as it exists.
/// </summary>
public sealed class GenerationManifests(IOptions<SearchOptions> options)
{
    private readonly IndexLayout _layout = new(options.Value.IndexPath);
    private readonly ConcurrentDictionary<string, Lazy<ManifestResponse>> _cache = new();

    /// <summary>The manifest of a published generation, or null when there is no such generation here.</summary>
    public ManifestResponse? Find(string name)
    {
        if (!IndexLayout.IsGenerationName(name)) return null;
        foreach (var gone in _cache.Keys.Where(k => !Directory.Exists(_layout.GenerationPath(k))))
            _cache.TryRemove(gone, out _);
        var path = _layout.GenerationPath(name);
        if (!Directory.Exists(path)) return null;
        var entry = _cache.GetOrAdd(name, _ => new Lazy<ManifestResponse>(() => Compute(name, path)));
        try
        {
            return entry.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed while it was being read (a newer generation came and pruned it): nothing to copy.
            _cache.TryRemove(name, out _);
            return null;
        }
    }

    /// <summary>The path of one file of a generation when the manifest lists it; null otherwise (so no other path can be asked for).</summary>
    public string? FilePath(string generation, string file) =>
        Find(generation) is { } manifest && manifest.Files.Any(f => f.Name == file)
            ? Path.Combine(_layout.GenerationPath(generation), file)
            : null;

    private static ManifestResponse Compute(string name, string path)
    {
        var files = Directory.GetFiles(path).Order(StringComparer.Ordinal).Select(file =>
        {
            using var stream = File.OpenRead(file);
            return new ManifestFile(Path.GetFileName(file), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }).ToList();
        return new ManifestResponse(name, IndexLayout.CountDocuments(path), files);
    }
}
