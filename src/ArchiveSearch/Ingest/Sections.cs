namespace ArchiveSearch.Ingest;

/// <summary>The newsletter's section headings, from <c>Data/sections.txt</c>.</summary>
public static class Sections
{
    private static readonly Lazy<IReadOnlySet<string>> _names = new(Load);

    public static IReadOnlySet<string> Names => _names.Value;

    /// <summary>Whether the line is a heading, written in simplified or traditional characters (政策法規).</summary>
    public static bool IsHeading(string line) => Names.Contains(Name(line));

    /// <summary>The section's name as <c>sections.txt</c> spells it: what articles and filters carry.</summary>
    public static string Name(string heading) => ScriptFolding.Default.Fold(heading.Trim());

    private static IReadOnlySet<string> Load() =>
        DataFile.Lines("sections.txt").Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
}
