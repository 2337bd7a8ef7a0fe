using System.Text;
using Indexer;

// Chinese goes out as UTF-8 whatever the console default.
Console.OutputEncoding = new UTF8Encoding(false);
return IndexerCli.Run(args, Console.Out, Console.Error);
