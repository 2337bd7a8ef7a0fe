using ArchiveSearch.Index;
using ArchiveSearch.Ingest;

namespace TestSupport;

/// <summary>Paths in the repository, found by walking up from the test binaries to the folder holding ArchiveSearch.slnx.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, IndexRebuilder.DefaultCorpusDir);

    /// <summary>A corpus file by its key, the part of the name before '_' ("000").</summary>
    public static string CorpusFile(string key) =>
        Directory.GetFiles(Corpus, key + "_*.txt").Single();

    /// <summary>The bundled corpus's files, listed as the rebuild lists them.</summary>
    public static string[] CorpusFiles => [.. CorpusReader.Files(Corpus)];

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
