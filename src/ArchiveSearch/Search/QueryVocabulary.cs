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

    private QueryVocabulary(Dictionary<string, IReadOnlyList<string>> synonyms, HashSet<string> stopwords,
        IEnumerable<string> questionForms, HashSet<string> generic)
    {
        _synonyms = synonyms;
        _stopwords = stopwords;
        _generic = generic;
        QuestionForms = [.. questionForms.OrderByDescending(f => f.Length)];
        // Longest first, so 碳达峰碳中和 wins over 碳达峰 when scanning a query.
        SynonymTerms = [.. synonyms.Keys.OrderByDescending(k => k.Length)];
    }

    public static QueryVocabulary Default { get; } = Load();

    /// <summary>Every term that has synonyms, longest first.</summary>
    public IReadOnlyList<string> SynonymTerms { get; }

    /// <summary>Question forms SmartCn cuts apart (会不会 → 会 / 不 / 会), longest first: found in the text as written.</summary>
    public IReadOnlyList<string> QuestionForms { get; }

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
