using Indexer;

return args.FirstOrDefault() switch
{
    "rebuild" => RebuildCommand.Run(args[1..], Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected),
    "stats" => StatsCommand.Run(args[1..], Console.Out, Console.Error),
    _ => 2,
};
