using System.Text;
using Indexer;

// Chinese goes out as UTF-8 whatever the console default.
Console.OutputEncoding = new UTF8Encoding(false);

// A plain dispatch on the first argument; each command lives in its own file.
return args.FirstOrDefault() switch
{
    "parse" => ParseCommand.Run(args[1..], Console.Out, Console.Error),
    "rebuild" => RebuildCommand.Run(args[1..], Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected),
    "stats" => StatsCommand.Run(args[1..], Console.Out, Console.Error),
    "generate" => GenerateCommand.Run(args[1..], Console.Out, Console.Error),
    "--help" or "-h" or "help" => Help(Console.Out, ExitCodes.Success),
    _ => Help(Console.Error, ExitCodes.Usage),
};

static int Help(TextWriter writer, int exitCode)
{
    writer.WriteLine("""
        Usage: indexer <command> [arguments]

        Commands:
          parse PATH...     Parse corpus files (issues: .txt, .pdf, .docx; articles: .jsonl) and print one JSON
                            object per article per line (JSONL, UTF-8) with the fields
                            id, issue, issueDate, section, title, source, regions, date, dateSource, body.
          rebuild [--corpus DIR] [--index DIR] [--skip-invalid]
                            Parse every file of the corpus (default index-data/corpus), write a new index
                            generation under the index folder (default index-data/index), verify it and
                            publish it atomically; the previous generation is kept for rollback.
                            With --skip-invalid, unreadable files are reported and skipped instead of
                            failing the rebuild.
          stats [--index DIR]
                            Show what the serving generation holds: articles, sections, years, regions.
          generate --articles N --out DIR [--seed S] [--sample DIR]
                            Write a synthetic corpus of N articles for measuring (JSONL files of 10,000
                            articles in DIR, which must hold no .jsonl yet): real Chinese from the sample
                            corpus (default index-data/corpus) recombined, sentence by sentence for bodies
                            and word by word for titles, with sections, regions and dates drawn as in the
                            sample and spread over several years. The same N and seed (default 1) give the
                            same files; a smaller corpus is the start of a larger one with the same seed.
          help, --help, -h  Show this help.

        Exit codes:
          0  success
          1  a corpus file cannot be read (the message names it), or there is nothing to index
          2  unknown command or bad arguments
          3  another rebuild is running (it holds index/rebuild.lock)
          4  the new generation did not verify, or there is no index to report on
        Whenever a rebuild fails, nothing is published and the serving index stays as it was.

        See docs/input-formats.md for the input formats and the meaning of each field.
        """);
    return exitCode;
}
