using System.Globalization;
using System.Text;
using ArchiveSearch.Benchmarks;

Console.OutputEncoding = new UTF8Encoding(false);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var parsed = BenchCommands.Create().Parse(args);
var exit = parsed.Invoke();
// A misspelt or missing option is a usage error (2), never ignored.
return parsed.Errors.Count > 0 ? 2 : exit;
