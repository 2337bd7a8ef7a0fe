namespace ArchiveSearch.Search;

/// <summary>A search request that cannot be run as given: names the parameter and what is wrong with it.</summary>
public sealed class SearchRequestException(string parameter, string problem)
    : Exception($"{parameter} {problem}")
{
    public string Parameter { get; } = parameter;
    public string Problem { get; } = problem;
}
