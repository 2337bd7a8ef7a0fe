using System.CommandLine;
using ArchiveSearch.Index;

namespace Indexer;

/// <summary>The options several commands share, described once.</summary>
public static class CommonOptions
{
    public static Option<string> Index() => new("--index")
    {
        Description = "The index folder: generations, the CURRENT pointer and the rebuild lock.",
        HelpName = "DIR",
        DefaultValueFactory = _ => IndexRebuilder.DefaultIndexDir,
    };

    public static Option<string> Corpus(string description) => new("--corpus")
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => IndexRebuilder.DefaultCorpusDir,
    };
}
