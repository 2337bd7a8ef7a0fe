namespace ArchiveSearch.Ingest;

/// <summary>
/// The one reader of the files in <c>Data/</c> (copied next to the binaries): lines that are not empty and not
/// <c>#</c> comments, as written (tab-separated files keep their empty last columns; callers trim what they need).
/// </summary>
public static class DataFile
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Data");

    public static IEnumerable<string> Lines(string fileName) => LinesOf(Path.Combine(Directory, fileName));

    /// <summary>The same, for a file elsewhere (a test's own data).</summary>
    public static IEnumerable<string> LinesOf(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
}
