namespace ArchiveSearch.Ingest;

/// <summary>The newsletter's section headings, from <c>Data/sections.txt</c>.</summary>
public static class Sections
{
    private static readonly Lazy<IReadOnlySet<string>> _names = new(Load);

    public static IReadOnlySet<string> Names => _names.Value;

    public static bool IsHeading(string line) => Names.Contains(line.Trim());

    private static IReadOnlySet<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "sections.txt");
        return File.ReadLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
