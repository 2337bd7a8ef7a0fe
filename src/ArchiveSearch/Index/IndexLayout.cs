using System.Globalization;

namespace ArchiveSearch.Index;

/// <summary>
/// The index directory on disk: one folder per generation (<c>gen-…</c>), a <c>CURRENT</c> file naming the one
/// that serves, and the rebuild lock. Readers follow <c>CURRENT</c>; a rebuild writes a new generation and then
/// renames a new pointer over the old one, so a reader sees the old generation or the new one, never a mix.
/// </summary>
public sealed class IndexLayout(string root)
{
    private const string PointerFile = "CURRENT";
    private const string GenerationPrefix = "gen-";

    public string Root { get; } = Path.GetFullPath(root);
    public string PointerPath => Path.Combine(Root, PointerFile);
    public string LockPath => Path.Combine(Root, "rebuild.lock");

    /// <summary>The serving generation's folder, or null when no index has been published yet.</summary>
    public string? CurrentGeneration()
    {
        string name;
        try
        {
            name = File.ReadAllText(PointerPath).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var path = Path.Combine(Root, name);
        return name.StartsWith(GenerationPrefix, StringComparison.Ordinal) && Directory.Exists(path) ? path : null;
    }

    /// <summary>A new, empty generation folder whose name sorts after every earlier one.</summary>
    public string CreateGeneration()
    {
        Directory.CreateDirectory(Root);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var path = Path.Combine(Root, $"{GenerationPrefix}{stamp}-{Environment.ProcessId}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Points readers at <paramref name="generation"/>: write a temp file, flush it to disk, rename it over the pointer.</summary>
    public void Publish(string generation)
    {
        var temp = PointerPath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(generation) + "\n"));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, PointerPath, overwrite: true);
    }

    /// <summary>Bytes on disk of one generation's index files.</summary>
    public static long SizeOf(string generation) => Directory.EnumerateFiles(generation).Sum(f => new FileInfo(f).Length);

    /// <summary>Deletes every generation but the serving one and the one kept for rollback (and leftovers of crashed rebuilds).</summary>
    public void RemoveGenerationsExcept(params string?[] keep)
    {
        var kept = keep.OfType<string>().Select(Path.GetFullPath).ToHashSet();
        foreach (var dir in Directory.EnumerateDirectories(Root, GenerationPrefix + "*"))
        {
            if (kept.Contains(Path.GetFullPath(dir))) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A reader may still hold files open on some platforms; the next rebuild retries.
            }
        }
    }
}
