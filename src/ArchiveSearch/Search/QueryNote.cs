namespace ArchiveSearch.Search;

/// <summary>The sentence that tells a person what the search did with their words: what it gave up, what it preferred.</summary>
internal static class QueryNote
{
    /// <summary>
    /// Null when every term was required and nothing was boosted. <paramref name="strictTotal"/> is how many
    /// articles have all <paramref name="terms"/> terms: relaxing also happens when a few do, so the note says so.
    /// </summary>
    public static string? Of(int terms, int strictTotal, bool relaxed, int? minimumMatch, IReadOnlyList<string> dropped,
        IReadOnlyList<string> anyOf, IReadOnlyList<int> years, IReadOnlyList<string> places)
    {
        var parts = new List<string>();
        if (relaxed)
        {
            var which = anyOf.Count > 0
                ? $"articles with any of {List(anyOf)}"
                : $"articles with at least {minimumMatch} of them, not requiring {List(dropped)}";
            parts.Add(strictTotal == 0
                ? $"no article has all {terms} terms together; showing {which}, best first (words no article has, generic words, places and then the least specific words are given up first)"
                : $"only {strictTotal} article(s) have all {terms} terms together; also showing {which}, best first");
        }
        var preferred = new List<string>();
        if (years.Count > 0) preferred.Add($"dated {string.Join(" or ", years)}");
        if (places.Count > 0) preferred.Add($"tagged {string.Join(" or ", places)}");
        if (preferred.Count > 0) parts.Add($"articles {string.Join(" or ", preferred)} rank higher");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string List(IReadOnlyList<string> words) => string.Join("、", words);
}
