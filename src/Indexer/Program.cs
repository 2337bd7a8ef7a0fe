using System.Text;
using Indexer;

// Chinese goes out as UTF-8 whatever the console default.
Console.OutputEncoding = new UTF8Encoding(false);

// A plain dispatch on the first argument; each command lives in its own file.
return args.FirstOrDefault() switch
{
    "parse" => ParseCommand.Run(args[1..], Console.Out, Console.Error),
    "--help" or "-h" or "help" => Help(Console.Out, 0),
    _ => Help(Console.Error, 2),
};

static int Help(TextWriter writer, int exitCode)
{
    writer.WriteLine("""
        Usage: indexer <command> [arguments]

        Commands:
          parse PATH...     Parse corpus files (issue text: .txt; articles: .jsonl) and print one JSON
                            object per article per line (JSONL, UTF-8) with the fields
                            id, issue, issueDate, section, title, source, regions, date, dateSource, body.
                            Exit 0 on success; 1 with a message naming the file when a file cannot be read.
          help, --help, -h  Show this help.

        See docs/input-formats.md for the input formats and the meaning of each field.
        """);
    return exitCode;
}
