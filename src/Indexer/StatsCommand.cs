using System.CommandLine;
using ArchiveSearch.Index;
using ArchiveSearch.Search;

namespace Indexer;

/// <summary><c>indexer stats</c>: what the serving generation holds.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var index = CommonOptions.Index();
        var command = new Command("stats", "Show what the serving generation holds: articles, sections, years, regions.") { index };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(index),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string index, TextWriter output, TextWriter error)
    {
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
