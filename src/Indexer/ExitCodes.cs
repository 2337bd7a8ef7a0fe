using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Indexer;

/// <summary>The indexer's exit codes, as documented in the README and at the end of every command's help.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A corpus file cannot be read, or there is nothing to index.</summary>
    public const int InvalidInput = 1;
    /// <summary>Unknown command or bad arguments.</summary>
    public const int Usage = 2;
    /// <summary>Another rebuild is running.</summary>
    public const int Locked = 3;
    /// <summary>The new generation did not verify, or no index exists to report on.</summary>
    public const int VerificationFailed = 4;

    private const string Help = """
        Exit codes:
          0  success
          1  a corpus file cannot be read (the message names it), or there is nothing to index
          2  unknown command or bad arguments
          3  another rebuild is running (it holds index/rebuild.lock)
          4  the new generation did not verify, or there is no index to report on
        Whenever a rebuild fails, nothing is published and the serving index stays as it was.
        See docs/input-formats.md for the input formats and the meaning of each field.
        """;

    /// <summary>Makes every command's <c>--help</c> end with the exit codes (the help option is shared by all commands).</summary>
    public static void AddToHelp(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new HelpWithExitCodes((HelpAction)option.Action!);
    }

    private sealed class HelpWithExitCodes(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(Help);
            return exit;
        }
    }
}
