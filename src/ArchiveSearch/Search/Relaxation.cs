namespace ArchiveSearch.Search;

/// <summary>What a query term is to relaxation: a topic word, or one it may drop early.</summary>
internal enum TermRole
{
    /// <summary>A topic word: dropped only after the others, least specific first.</summary>
    Word,
    /// <summary>A word most articles could carry (政策, 情况, 发展): dropped before topic words.</summary>
    Generic,
    /// <summary>A year (2022年): never required, since an article may give its date another way; it boosts articles dated in it.</summary>
    Year,
    /// <summary>A place (常州): dropped after generic words; it also boosts articles tagged with it.</summary>
    Place,
    /// <summary>A quoted phrase or a group the person typed: never merged, dropped as a topic word.</summary>
    Fixed,
}

/// <summary>
/// A term of the query as relaxation sees it: its role, in how many articles it occurs, and its weight, the idf
/// BM25 gives it (for a word matched as a sequence of bigrams, the sum of their idfs, as Lucene scores a phrase).
/// A year's are not counted (0, 0): relaxation never requires, drops or weighs one.
/// </summary>
internal readonly record struct TermStats(TermRole Role, int DocFreq, double Weight);

/// <summary>
/// One step of relaxation, by index into the terms: every <paramref name="Required"/> term, at least one of
/// <paramref name="AnyOf"/> when it is not empty, and the <paramref name="Dropped"/> terms only adding to the score.
/// </summary>
internal sealed record RelaxationLevel(IReadOnlyList<int> Required, IReadOnlyList<int> AnyOf, IReadOnlyList<int> Dropped);

/// <summary>
/// Which words a query gives up, in what order, when requiring all of them finds too little. Pure: the searcher
/// supplies the counts and weights. Meilisearch's <c>matchingStrategy: frequency</c> drops the most frequent word
/// first, so the rare, specific ones decide; here the weight is BM25's idf of the word as it is matched (a long
/// word SmartCn split, 概念验证中心, weighs the sum of its bigrams, so a rare short fragment such as 要建 does not
/// outlast it), and the classes of words a reader does not mean as topics go first. The last step is
/// Elasticsearch's <c>minimum_should_match: 1</c> with idf-aware scoring.
/// </summary>
internal static class Relaxation
{
    /// <summary>
    /// Groups of adjacent topic words of one chunk that the archive holds verbatim (工业 + 软件 → 工业软件), longest
    /// first from the left, as index ranges [First, Last]. A group is kept or dropped whole, so relaxing
    /// 工业软件国产化 keeps 工业软件 rather than 软件 alone. <paramref name="adjacent"/>(i) says whether term i + 1
    /// follows term i without a gap in the same chunk; <paramref name="occursVerbatim"/>(first, last) whether the
    /// text from term first to term last occurs in some article.
    /// </summary>
    public static IReadOnlyList<(int First, int Last)> Compounds(
        IReadOnlyList<TermRole> roles, Func<int, bool> adjacent, Func<int, int, bool> occursVerbatim)
    {
        var groups = new List<(int, int)>();
        for (var first = 0; first < roles.Count;)
        {
            var last = first;
            if (roles[first] == TermRole.Word)
            {
                while (last + 1 < roles.Count && roles[last + 1] == TermRole.Word && adjacent(last) && occursVerbatim(first, last + 1))
                    last++;
            }
            groups.Add((first, last));
            first = last + 1;
        }
        return groups;
    }

    /// <summary>
    /// The order terms are dropped in: words no article has first (they can only empty the answer), then generic
    /// words and places (the boost still honours places), then topic words, lightest first; equal weights drop the
    /// later-typed word first. Years are never required, so never in the order; the heaviest of the rest is never
    /// dropped.
    /// </summary>
    public static IReadOnlyList<int> DropOrder(IReadOnlyList<TermStats> terms)
    {
        var candidates = Enumerable.Range(0, terms.Count).Where(i => terms[i].Role != TermRole.Year).ToList();
        return [.. candidates
            .OrderBy(i => Rank(terms[i]))
            .ThenBy(i => terms[i].Weight)
            .ThenByDescending(i => i)
            .Take(Math.Max(0, candidates.Count - 1))];
    }

    /// <summary>
    /// The steps from strict to loosest over <paramref name="terms"/> (words, or groups kept whole): each drops one
    /// more term in <see cref="DropOrder"/>, the dropped ones still scoring (years are left to their bonus). When one
    /// term is left, a last step asks for any one of the topic words among <paramref name="partRoles"/> (single
    /// words, groups taken apart), the groups still scoring, so an article with a rarer one of them still comes
    /// (AR眼镜新产品: the AR conference has AR but no 眼镜; 元宇宙产业: articles on 元宇宙 that never write 元宇宙产业).
    /// Its AnyOf indexes the parts.
    /// </summary>
    public static IReadOnlyList<RelaxationLevel> Levels(IReadOnlyList<TermStats> terms, IReadOnlyList<TermRole> partRoles)
    {
        var order = DropOrder(terms);
        var years = Enumerable.Range(0, terms.Count).Where(i => terms[i].Role == TermRole.Year).ToList();
        var levels = new List<RelaxationLevel>();
        for (var dropped = 1; dropped <= order.Count; dropped++)
        {
            var gone = order.Take(dropped).ToList();
            levels.Add(new RelaxationLevel(
                [.. Enumerable.Range(0, terms.Count).Where(i => !gone.Contains(i) && !years.Contains(i))], [], gone));
        }
        var topics = Enumerable.Range(0, partRoles.Count).Where(i => partRoles[i] is TermRole.Word or TermRole.Fixed).ToList();
        if (levels.Count > 0 && topics.Count > 1)
            levels.Add(new RelaxationLevel([], topics, [.. Enumerable.Range(0, terms.Count).Where(i => !years.Contains(i))]));
        return levels;
    }

    /// <summary>
    /// The hits with what the strict query found first, each part in its own order: a relaxed answer never ranks
    /// what the strict one found below what relaxing added, whatever the scores of common words add up to.
    /// </summary>
    public static T[] StrictFirst<T>(IReadOnlyList<T> hits, Func<T, bool> isStrict) =>
        [.. hits.Where(isStrict), .. hits.Where(h => !isStrict(h))];

    /// <summary>BM25's idf (as Lucene computes it) of a term in <paramref name="docFreq"/> of <paramref name="docCount"/> articles.</summary>
    public static double Idf(long docFreq, long docCount) => Math.Log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));

    private static int Rank(TermStats term) =>
        term.DocFreq == 0 ? 0 : term.Role switch
        {
            TermRole.Generic => 1,
            TermRole.Place => 2,
            _ => 3,
        };
}
