using ArchiveSearch.Index;
using ArchiveSearch.Search;

namespace Indexer;

/// <summary><c>indexer stats</c>: what the serving generation holds.</summary>
public static class StatsCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = CommandOptions.Parse("stats", args, ["--index"], [], error);
        if (options is null) return ExitCodes.Usage;
        var index = options.Get("--index", IndexRebuilder.DefaultIndexDir);
        var generation = new IndexLayout(index).CurrentGeneration();
        if (generation is null)
        {
            error.WriteLine($"indexer stats: no index in {Path.GetFullPath(index)}; run indexer rebuild first");
            return ExitCodes.VerificationFailed;
        }

        using var searcher = new ArchiveSearcher(index);
        var facets = searcher.ArchiveFacets();
        output.WriteLine($"generation   {Path.GetFileName(generation)} (in {Path.GetFullPath(index)})");
        output.WriteLine($"articles     {searcher.DocumentCount}");
        output.WriteLine($"index size   {RebuildCommand.Size(IndexLayout.SizeOf(generation))}");
        Print(output, "sections", facets.Section);
        Print(output, "years", facets.Year);
        Print(output, "regions", facets.Region.Take(15).ToList());
        return ExitCodes.Success;
    }

    private static void Print(TextWriter output, string heading, IReadOnlyList<FacetValue> values)
    {
        output.WriteLine(heading);
        foreach (var value in values)
            output.WriteLine($"  {value.Value,-10} {value.Count}");
    }
}
