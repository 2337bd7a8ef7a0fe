// Compiled with the client NSwag generated from /openapi/v1.json (see check.sh): fails unless the client has the types
// the API's contract promises.
using System.Reflection;
using ArchiveSearch.Client;

var search = typeof(ArchiveSearchClient).GetMethods()
    .Single(m => m.Name == "SearchAsync" && m.GetParameters().Last().ParameterType == typeof(CancellationToken));
var parameters = search.GetParameters().ToDictionary(p => p.Name!, p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType);
var problems = new List<string>();
void Expect(bool ok, string what) { if (!ok) problems.Add(what); }

Expect(parameters["page"] == typeof(int), $"page is {parameters["page"]}, not int");
Expect(parameters["pageSize"] == typeof(int), $"pageSize is {parameters["pageSize"]}, not int");
Expect(parameters["sort"].IsEnum, $"sort is {parameters["sort"]}, not an enum");
Expect(parameters["sort"].IsEnum && Enum.GetNames(parameters["sort"]).Length == 3, "sort has not the three orders");
var section = parameters["section"].GetInterfaces().Append(parameters["section"])
    .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
Expect(section.IsEnum && Enum.GetNames(section).Length == 7, $"section is a list of {section}, not of the seven sections");
Expect(search.ReturnType == typeof(Task<SearchResponse>), $"SearchAsync returns {search.ReturnType}");
var query = typeof(SearchResponse).GetProperty("Query")!.PropertyType;
Expect(query.GetProperty("Match")!.PropertyType.IsEnum, "query.match is not an enum");
Expect(typeof(SearchResponse).GetProperty("Total")!.PropertyType == typeof(int), "total is not int");

if (problems.Count > 0)
{
    Console.Error.WriteLine("The generated client does not have the contract's types:\n  " + string.Join("\n  ", problems));
    return 1;
}
Console.WriteLine($"NSwag client compiled: page and pageSize are int, sort is the enum {parameters["sort"].Name} " +
                  $"({string.Join(", ", Enum.GetNames(parameters["sort"]))}), section a list of the enum {section.Name}");
return 0;
