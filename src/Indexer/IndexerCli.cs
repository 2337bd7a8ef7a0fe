using System.CommandLine;

namespace Indexer;

/// <summary>The indexer's command line: its commands, their help, and the exit code of an invocation.</summary>
public static class IndexerCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Builds and inspects the search index of the 《4.0 信息速报》 archive.")
        {
            ParseCommand.Create(),
            RebuildCommand.Create(),
            StatsCommand.Create(),
            GenerateCommand.Create(),
        };
        ExitCodes.AddToHelp(root);
        return root;
    }

    /// <summary>Runs one command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Create().Parse(args);
        var exit = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        // System.CommandLine answers a usage error with 1, which here means a bad corpus file: ours is 2, as documented.
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : exit;
    }
}
