using ArchiveSearch.Ingest;

namespace ArchiveSearch.Search;

/// <summary>
/// The query-side word lists, read from data files: synonym groups, words dropped from questions, question forms
/// matched in the text before segmentation, and generic words relaxation drops before topic words.
/// </summary>
public sealed class QueryVocabulary
{
    private readonly Dictionary<string, IReadOnlyList<string>> _synonyms;
    private readonly HashSet<string> _stopwords;
    private readonly HashSet<string> _generic;
    private readonly Dictionary<char, IReadOnlyList<string>> _questionForms;
    private readonly Dictionary<char, IReadOnlyList<string>> _synonymTerms;

    private QueryVocabulary(Dictionary<string, IReadOnlyList<string>> synonyms, HashSet<string> stopwords,
        IEnumerable<string> questionForms, HashSet<string> generic)
    {
        _synonyms = synonyms;
        _stopwords = stopwords;
        _generic = generic;
        // By first character, longest first, so 碳达峰碳中和 wins over 碳达峰 when scanning a query: each position of a
        // query tried every term and form (4 µs a query, an eighth of building it).
        _questionForms = questionForms.GroupBy(f => f[0])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderByDescending(f => f.Length)]);
        _synonymTerms = synonyms.Keys.GroupBy(k => char.ToUpperInvariant(k[0]))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderByDescending(k => k.Length)]);
    }

    public static QueryVocabulary Default { get; } = Load();

    /// <summary>The terms that have synonyms and may start with <paramref name="first"/> (case aside), longest first.</summary>
    public IReadOnlyList<string> SynonymTermsFrom(char first) => _synonymTerms.GetValueOrDefault(char.ToUpperInvariant(first)) ?? [];

    /// <summary>
    /// Question forms SmartCn cuts apart (会不会 → 会 / 不 / 会) that start with <paramref name="first"/>, longest first:
    /// found in the text as written.
    /// </summary>
    public IReadOnlyList<string> QuestionFormsFrom(char first) => _questionForms.GetValueOrDefault(first) ?? [];

    /// <summary>Folded as queries are (江蘇 and 江苏 are one word), so the lists may be written either way.</summary>
    private static QueryVocabulary Load()
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines("synonyms.txt"))
        {
            var group = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var term in group)
                synonyms[term] = [.. group.Where(other => !other.Equals(term, StringComparison.OrdinalIgnoreCase))];
        }
        var stopwords = Lines("query-stopwords.txt").ToHashSet(StringComparer.Ordinal);
        var questionForms = Lines("query-question-forms.txt").ToList();
        var generic = Lines("query-generic-words.txt").ToHashSet(StringComparer.Ordinal);
        return new QueryVocabulary(synonyms, stopwords, questionForms, generic);
    }

    /// <summary>The other terms of <paramref name="term"/>'s group, or none.</summary>
    public IReadOnlyList<string> SynonymsOf(string term) => _synonyms.GetValueOrDefault(term) ?? [];

    public bool IsStopword(string word) => _stopwords.Contains(word);

    /// <summary>Whether relaxation drops <paramref name="word"/> before topic words: most articles could carry it.</summary>
    public bool IsGeneric(string word) => _generic.Contains(word);

    private static IEnumerable<string> Lines(string fileName) =>
        DataFile.Lines(fileName).Select(l => ScriptFolding.Default.Fold(l.Trim()));
}
