namespace Indexer;

/// <summary>The <c>--name value</c> and <c>--flag</c> options of one command; anything else is a usage error.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _flags = [];

    private CommandOptions() { }

    /// <returns>The options, or null with the problem written to <paramref name="error"/>.</returns>
    public static CommandOptions? Parse(
        string command, string[] args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions, TextWriter error)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (flagOptions.Contains(args[i]))
                options._flags.Add(args[i]);
            else if (valueOptions.Contains(args[i]) && i + 1 < args.Length)
                options._values[args[i]] = args[++i];
            else
            {
                error.WriteLine(valueOptions.Contains(args[i])
                    ? $"indexer {command}: {args[i]} needs a value (indexer --help)"
                    : $"indexer {command}: unknown argument '{args[i]}' (indexer --help)");
                return null;
            }
        }
        return options;
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
    public bool Has(string flag) => _flags.Contains(flag);
}
