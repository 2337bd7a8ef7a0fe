namespace TestSupport;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder holding ArchiveSearch.slnx.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "index-data", "corpus");

    /// <summary>A corpus file by its key, the part of the name before '_' ("000").</summary>
    public static string CorpusFile(string key) =>
        Directory.GetFiles(Corpus, key + "_*.txt").Single();

    public static string[] CorpusFiles => [.. Directory.GetFiles(Corpus, "*.txt").Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArchiveSearch.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("ArchiveSearch.slnx not found above " + AppContext.BaseDirectory);
    }
}
