using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// Turns a parsed <see cref="UserQuery"/> into Lucene queries. Each word is matched as the sequence of its CJK
/// bigrams (recall for words SmartCn splits), title matches weigh more than body matches, synonyms from
/// the data file are searched alongside, and question words are dropped. The top-level terms are kept apart
/// so the searcher can relax from "all of them" to "most of them".
/// </summary>
internal sealed class QueryBuilder(QueryVocabulary vocabulary)
{
    private const float TitleBoost = 3f;
    private const float SynonymBoost = 0.9f;
    /// <summary>
    /// Strong enough that a chunk found verbatim (科技金融) outranks its words found apart even when those are in
    /// the title or repeated in a short article; at 2 a scattered match still beat one-off verbatim mentions.
    /// </summary>
    private const float ExactBonusBoost = 12f;
    private const float ProximityBonusBoost = 1f;
    /// <summary>In bigram positions, about characters: the words within a sentence or so of each other.</summary>
    private const int ProximitySlop = 20;

    private readonly List<QueryTerm> _terms = [];
    private readonly List<string> _ignored = [];
    /// <summary>The words to highlight, by text, as their bigrams.</summary>
    private readonly Dictionary<string, IReadOnlyList<AnalyzedToken>> _highlights = [];
    // SmartCn costs ~30 µs a call, and a unit's text is analysed for its terms, its unit, its match and its bonus.
    private readonly Dictionary<string, List<AnalyzedToken>> _words = [];
    private readonly Dictionary<string, List<AnalyzedToken>> _bigrams = [];

    public BuiltQuery Build(UserQuery query)
    {
        var required = new List<Query>();
        var excluded = new List<Query>();
        var bonus = new List<Query>();
        var proximity = new List<AnalyzedToken>();
        foreach (var operand in (query is UserQuery.All all ? all.Operands : [query]).SelectMany(SplitOnPunctuation))
        {
            switch (operand)
            {
                case UserQuery.Not not:
                    if (Nested(not.Operand, excluding: true) is { } excludedQuery) excluded.Add(excludedQuery);
                    break;
                case UserQuery.Words words:
                    var ignoredBefore = _ignored.Count;
                    var units = Units(words.Text, excluding: false);
                    proximity.AddRange(units.SelectMany(u => u.Bigrams));
                    var isQuestion = _ignored.Count > ignoredBefore;
                    // A question (常州有哪些企业完成融资) relaxes word by word. A chunk typed without question words
                    // (概念验证中心) is one term: relaxing it piecewise would return articles with only 验证 and 中心.
                    if (isQuestion) required.AddRange(units.Select(u => u.Query));
                    else if (AllOf([.. units.Select(u => u.Query)]) is { } chunk) required.Add(chunk);
                    // Only a chunk typed as a run of topic words can occur verbatim.
                    if (units.Count > 1 && !isQuestion && ExactBonus(words.Text) is { } exact)
                        bonus.Add(exact);
                    break;
                default:
                    if (Nested(operand, excluding: false) is { } nested) required.Add(nested);
                    break;
            }
        }
        if (proximity.Count > 1)
            bonus.Add(Proximity(proximity));
        return new BuiltQuery(required, excluded, bonus, _terms, _ignored, [.. _highlights.Values],
            Relaxable: query is not UserQuery.All { Explicit: true });
    }

    /// <summary>
    /// Punctuation separates words as a space does (title:机器人, of+the), so each side is its own term: a query
    /// can then relax past a piece that is in no article, as it can past a space-separated word.
    /// </summary>
    private static IEnumerable<UserQuery> SplitOnPunctuation(UserQuery operand)
    {
        if (operand is not UserQuery.Words words)
        {
            yield return operand;
            yield break;
        }
        var start = 0;
        for (var i = 0; i <= words.Text.Length; i++)
        {
            if (i < words.Text.Length && !IsSeparator(words.Text, i)) continue;
            if (i > start) yield return new UserQuery.Words(words.Text[start..i]);
            start = i + 1;
        }
    }

    /// <summary>Punctuation or a symbol, except inside a Latin or numeric token (8.3, B-1).</summary>
    private static bool IsSeparator(string text, int i) =>
        (char.IsPunctuation(text[i]) || char.IsSymbol(text[i])) &&
        !(i > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetterOrDigit(text[i + 1]));

    private Query? Nested(UserQuery node, bool excluding)
    {
        switch (node)
        {
            case UserQuery.Words words:
                return AllOf(Units(words.Text, excluding).Select(u => u.Query).ToList());
            case UserQuery.Phrase phrase:
                _terms.Add(new QueryTerm(phrase.Text, excluding ? "excluded" : "phrase",
                    [.. Words(phrase.Text).Select(t => t.Term)], []));
                return Match(phrase.Text, highlight: !excluding);
            case UserQuery.Not not:
                // A lone exclusion inside a group means "everything but".
                return Nested(not.Operand, !excluding) is { } inner
                    ? new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { inner, Occur.MUST_NOT } }
                    : null;
            case UserQuery.All all:
                var group = new BooleanQuery();
                foreach (var operand in all.Operands)
                {
                    var isNot = operand is UserQuery.Not;
                    var clause = Nested(isNot ? ((UserQuery.Not)operand).Operand : operand, excluding ^ isNot);
                    if (clause is not null) group.Add(clause, isNot ? Occur.MUST_NOT : Occur.MUST);
                }
                return group.Clauses.Any(c => c.Occur == Occur.MUST) ? group : null;
            case UserQuery.Any any:
                var alternatives = any.Operands.Select(o => Nested(o, excluding)).OfType<Query>().ToList();
                if (alternatives.Count == 0) return null;
                var anyQuery = new BooleanQuery();
                foreach (var alternative in alternatives) anyQuery.Add(alternative, Occur.SHOULD);
                return anyQuery;
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    private static Query? AllOf(List<Query> queries)
    {
        if (queries.Count <= 1) return queries.SingleOrDefault();
        var all = new BooleanQuery();
        foreach (var query in queries) all.Add(query, Occur.MUST);
        return all;
    }

    /// <summary>A unit of a query: one word (or a synonym) with its SmartCn tokens; Query is null when it was dropped.</summary>
    private sealed record QueryUnit(Query Query, IReadOnlyList<AnalyzedToken> Bigrams);

    /// <summary>
    /// Splits a chunk into units: synonym terms whole, the rest as SmartCn words. Runs of single characters
    /// SmartCn could not place (引 / 领) are joined back into one unit, and a lone one joins the word it touches
    /// (显示器 / 件), so they match as the word typed.
    /// </summary>
    private List<QueryUnit> Units(string chunk, bool excluding)
    {
        var units = new List<QueryUnit>();
        foreach (var (text, isSynonym) in SplitOnSynonyms(chunk))
        {
            if (isSynonym)
            {
                AddUnit(text);
                continue;
            }
            // Spans of the chunk, each a word, a run of single characters (Singles counts them) or a run of Latin
            // letters and digits (SmartCn cuts PAS2060 into pa / 2060; the bigram field holds it whole).
            var spans = new List<(int Start, int End, int Singles, bool Latin)>();
            foreach (var token in Words(text))
            {
                if (vocabulary.IsStopword(token.Term))
                {
                    Flush();
                    _ignored.Add(token.Term);
                    continue;
                }
                var isSingleCjk = token.Term.Length == 1 && IsCjk(token.Term[0]);
                var isLatin = !IsCjk(token.Term[0]);
                if (isSingleCjk && spans is [.., { Singles: > 0 } last] && last.End == token.Start)
                    spans[^1] = (last.Start, token.End, last.Singles + 1, false);
                else if (isLatin && spans is [.., { Latin: true } previous] && previous.End == token.Start)
                    spans[^1] = (previous.Start, token.End, 0, true);
                else
                    spans.Add((token.Start, token.End, isSingleCjk ? 1 : 0, isLatin));
            }
            Flush();

            void Flush()
            {
                // A lone character SmartCn could not place (显示器 / 件, 元 / 宇宙) belongs to the word it touches:
                // alone it would match that character anywhere.
                for (var i = 0; i < spans.Count; i++)
                {
                    if (spans[i].Singles != 1) continue;
                    if (i > 0 && spans[i - 1].End == spans[i].Start)
                        spans[i - 1] = (spans[i - 1].Start, spans[i].End, 0, false);
                    else if (i + 1 < spans.Count && spans[i].End == spans[i + 1].Start)
                        spans[i + 1] = (spans[i].Start, spans[i + 1].End, 0, false);
                    else continue;
                    spans.RemoveAt(i--);
                }
                foreach (var span in spans) AddUnit(text[span.Start..span.End]);
                spans.Clear();
            }
        }
        return units;

        void AddUnit(string text)
        {
            if (Unit(text, excluding) is { } unit) units.Add(unit);
        }
    }

    private QueryUnit? Unit(string text, bool excluding)
    {
        var tokens = Words(text);
        var synonyms = vocabulary.SynonymsOf(text);
        _terms.Add(new QueryTerm(text, excluding ? "excluded" : "word", [.. tokens.Select(t => t.Term)], synonyms));
        if (Match(text, highlight: !excluding) is not { } query) return null;
        var bigrams = Bigrams(text);
        if (synonyms.Count == 0) return new QueryUnit(query, bigrams);

        var anyOf = new BooleanQuery { { query, Occur.SHOULD } };
        foreach (var synonym in synonyms)
        {
            if (Match(synonym, highlight: !excluding) is not { } alternative) continue;
            alternative.Boost = SynonymBoost;
            anyOf.Add(alternative, Occur.SHOULD);
        }
        return new QueryUnit(anyOf, bigrams);
    }

    /// <summary>Text in the title (boosted) or the body, as SmartCn words or as a bigram phrase.</summary>
    private Query? Match(string text, bool highlight)
    {
        var words = Words(text);
        var bigrams = Bigrams(text);
        // A lone CJK character has no bigram; the SmartCn field still holds it.
        if (bigrams is [{ Term.Length: 1 } only] && IsCjk(only.Term[0])) bigrams = [];
        if (highlight && bigrams.Count > 0) _highlights.TryAdd(text, bigrams);

        // The bigram sequence matches wherever the SmartCn words do (adjacent words are adjacent characters) and
        // also where SmartCn cut the text differently (江苏 inside 江苏省), so it alone decides; searching both
        // would score every match twice. The SmartCn fields serve what has no bigram: a lone character.
        var title = bigrams.Count > 0 ? Sequence(ArticleFields.TitleBigrams, bigrams) : Sequence(ArticleFields.Title, words);
        var body = bigrams.Count > 0 ? Sequence(ArticleFields.BodyBigrams, bigrams) : AllTerms(ArticleFields.Body, words);
        if (title is null || body is null) return null;
        title.Boost = TitleBoost;
        return new BooleanQuery { { title, Occur.SHOULD }, { body, Occur.SHOULD } };
    }

    /// <summary>Every token, anywhere: for the body's SmartCn field, which has no positions.</summary>
    private static Query? AllTerms(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count <= 1) return Sequence(field, tokens);
        var all = new BooleanQuery();
        foreach (var token in tokens) all.Add(new TermQuery(new Term(field, token.Term)), Occur.MUST);
        return all;
    }

    /// <summary>One token as a term query, several as an exact phrase at their analysed positions.</summary>
    private static Query? Sequence(string field, IReadOnlyList<AnalyzedToken> tokens, int slop = 0)
    {
        if (tokens.Count == 0) return null;
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0].Term));
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var token in tokens) phrase.Add(new Term(field, token.Term), token.Position - tokens[0].Position);
        return phrase;
    }

    /// <summary>
    /// Rewards the chunk as typed occurring verbatim: exact phrases outrank scattered words. Null when the bigram
    /// analyzer keeps nothing of it (its English stopwords drop all of "of+the", which SmartCn keeps as two words).
    /// </summary>
    private Query? ExactBonus(string chunk)
    {
        var bigrams = Bigrams(chunk);
        if (bigrams.Count == 0) return null;
        var bonus = new BooleanQuery
        {
            { Sequence(ArticleFields.TitleBigrams, bigrams)!, Occur.SHOULD },
            { Sequence(ArticleFields.BodyBigrams, bigrams)!, Occur.SHOULD },
        };
        bonus.Boost = ExactBonusBoost;
        return bonus;
    }

    /// <summary>Rewards the query's words occurring near each other in the body.</summary>
    private static Query Proximity(List<AnalyzedToken> bigrams)
    {
        var phrase = new PhraseQuery { Slop = ProximitySlop };
        for (var i = 0; i < bigrams.Count; i++) phrase.Add(new Term(ArticleFields.BodyBigrams, bigrams[i].Term), i);
        phrase.Boost = ProximityBonusBoost;
        return phrase;
    }

    private IEnumerable<(string Text, bool IsSynonym)> SplitOnSynonyms(string chunk)
    {
        var start = 0;
        var i = 0;
        while (i < chunk.Length)
        {
            var match = vocabulary.SynonymTerms.FirstOrDefault(term =>
                string.Compare(chunk, i, term, 0, term.Length, StringComparison.OrdinalIgnoreCase) == 0 && IsWordBoundary(chunk, i, term.Length));
            if (match is null) { i++; continue; }
            if (i > start) yield return (chunk[start..i], false);
            yield return (chunk.Substring(i, match.Length), true);
            i += match.Length;
            start = i;
        }
        if (start < chunk.Length) yield return (chunk[start..], false);
    }

    /// <summary>Latin synonyms (AI) must stand alone: not the "ai" inside "said".</summary>
    private static bool IsWordBoundary(string text, int start, int length) =>
        !char.IsAsciiLetter(text[start]) ||
        ((start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1])) &&
         (start + length == text.Length || !char.IsAsciiLetterOrDigit(text[start + length])));

    private List<AnalyzedToken> Words(string text) => Analysed(_words, ArchiveAnalyzers.Words, text);

    private List<AnalyzedToken> Bigrams(string text) => Analysed(_bigrams, ArchiveAnalyzers.Bigrams, text);

    private static List<AnalyzedToken> Analysed(
        Dictionary<string, List<AnalyzedToken>> memo, Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        if (!memo.TryGetValue(text, out var tokens)) memo[text] = tokens = ArchiveAnalyzers.Tokenize(analyzer, text);
        return tokens;
    }

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}

/// <summary>
/// A built query: required terms, exclusions and score-only bonuses, composed at a chosen strictness.
/// <paramref name="Relaxable"/> is false when the person typed AND: they asked for every term, so the searcher
/// must not fall back to "most of them".
/// </summary>
internal sealed record BuiltQuery(
    IReadOnlyList<Query> Required,
    IReadOnlyList<Query> Excluded,
    IReadOnlyList<Query> Bonus,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<IReadOnlyList<AnalyzedToken>> Highlights,
    bool Relaxable)
{
    private const float EveryTermBoost = 4f;

    /// <summary>
    /// The query requiring <paramref name="minimumMatch"/> of the required terms (all of them by default); what
    /// decides which articles match. The bonuses are left to <see cref="BonusQuery"/>.
    /// </summary>
    public Query Compose(int? minimumMatch = null)
    {
        var core = new BooleanQuery();
        var strict = minimumMatch is null || minimumMatch >= Required.Count;
        foreach (var query in Required) core.Add(query, strict ? Occur.MUST : Occur.SHOULD);
        if (!strict) core.MinimumNumberShouldMatch = minimumMatch!.Value;
        if (Required.Count == 0) core.Add(new MatchAllDocsQuery(), Occur.MUST);
        foreach (var query in Excluded) core.Add(query, Occur.MUST_NOT);
        if (strict) return core;

        // Relaxing adds articles after the ones with every term; it should not reorder them below. BM25 has
        // no coordination factor, so a partial match with a frequent word would outrank a full match with
        // rare ones: the strict query scored again, boosted, puts (1 + boost) × their score on full matches.
        // It stays in the first pass, where the few full matches are found wherever they rank.
        var every = new BooleanQuery { Boost = EveryTermBoost };
        foreach (var query in Required) every.Add(query, Occur.MUST);
        return new BooleanQuery { { core, Occur.MUST }, { every, Occur.SHOULD } };
    }

    /// <summary>
    /// The bonuses (verbatim chunk, words near each other) as one query, or null when there are none. They only
    /// reorder the best first-pass hits, so the searcher adds them to those alone rather than scoring every match.
    /// </summary>
    public Query? BonusQuery()
    {
        if (Bonus.Count == 0) return null;
        var bonus = new BooleanQuery();
        foreach (var query in Bonus) bonus.Add(query, Occur.SHOULD);
        return bonus;
    }
}
