using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Directory = System.IO.Directory;

namespace ArchiveSearch.Index;

/// <summary>
/// The index directory on disk: one folder per generation (<c>gen-…</c>), a <c>CURRENT</c> file naming the one
/// that serves, and the rebuild lock. Readers follow <c>CURRENT</c>; a rebuild writes a new generation and then
/// renames a new pointer over the old one, so a reader sees the old generation or the new one, never a mix.
/// A replica copies a generation into <c>incoming/&lt;name&gt;</c> first, and only a complete, verified copy is
/// moved next to the others and published under the same name as on the primary.
/// </summary>
public sealed partial class IndexLayout(string root)
{
    private const string PointerFile = "CURRENT";
    private const string GenerationPrefix = "gen-";
    private const string StampFormat = "yyyyMMdd'T'HHmmssfff";

    public string Root { get; } = Path.GetFullPath(root);
    public string PointerPath => Path.Combine(Root, PointerFile);
    public string LockPath => Path.Combine(Root, "rebuild.lock");
    /// <summary>Generations being copied from a primary; nothing in here is ever served.</summary>
    public string IncomingRoot => Path.Combine(Root, "incoming");

    /// <summary>True for a folder name this layout could have written (gen-, then letters, digits and dashes): safe to join to a path.</summary>
    public static bool IsGenerationName(string name) => GenerationName().IsMatch(name);

    /// <summary>When a generation was created, from its name; null for a name this layout did not write.</summary>
    public static DateTimeOffset? CreatedAt(string name)
    {
        var match = GenerationName().Match(name);
        return match.Success && DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp)
            ? new DateTimeOffset(stamp, TimeSpan.Zero)
            : null;
    }

    /// <summary>The folder of the generation named <paramref name="name"/> (it may not exist).</summary>
    public string GenerationPath(string name) =>
        IsGenerationName(name) ? Path.Combine(Root, name) : throw new ArgumentException($"'{name}' is not a generation name", nameof(name));

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
        var stamp = DateTime.UtcNow.ToString(StampFormat, CultureInfo.InvariantCulture);
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

    /// <summary>
    /// Publishes <paramref name="generation"/> as a rebuild does: the pointer names it, the generation that served
    /// until now is kept for rollback, every older one is removed. Readers of the old one finish on it.
    /// </summary>
    public void Switch(string generation)
    {
        var previous = CurrentGeneration();
        Publish(generation);
        RemoveGenerationsExcept(generation, previous);
    }

    /// <summary>The folder a copy of generation <paramref name="name"/> is assembled in (created when missing).</summary>
    public string IncomingFolder(string name)
    {
        var path = Path.Combine(IncomingRoot, Path.GetFileName(GenerationPath(name)));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes copies in progress of every generation but <paramref name="keep"/> (null: all of them).</summary>
    public void RemoveIncomingExcept(string? keep)
    {
        if (!Directory.Exists(IncomingRoot)) return;
        foreach (var dir in Directory.EnumerateDirectories(IncomingRoot))
        {
            if (Path.GetFileName(dir) != keep) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Moves a complete, verified copy out of <see cref="IncomingRoot"/> under its generation's name and
    /// <see cref="Switch"/>es to it. The caller holds the <see cref="RebuildLock"/>.
    /// </summary>
    public string Install(string incomingFolder)
    {
        var generation = GenerationPath(Path.GetFileName(incomingFolder));
        Directory.Move(incomingFolder, generation);
        Switch(generation);
        return generation;
    }

    /// <summary>Documents in a committed index folder (opens it, which also checks its files hang together).</summary>
    public static int CountDocuments(string folder)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        return reader.NumDocs;
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

    [GeneratedRegex(@"^gen-(?<stamp>\d{8}T\d{9})?[A-Za-z0-9-]*$")]
    private static partial Regex GenerationName();
}
