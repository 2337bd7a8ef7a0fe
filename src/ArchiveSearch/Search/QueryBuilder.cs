using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// Turns a parsed <see cref="UserQuery"/> into Lucene queries. Each word is matched as the sequence of its CJK
/// bigrams (recall for words SmartCn splits), title matches weigh more than body matches, synonyms from
/// the data file are searched alongside, and question words are dropped. The top-level terms are kept apart
/// so the searcher can relax from "all of them" to "most of them". The queries it builds hold their terms' places
/// in the index from <paramref name="states"/>, so they run on a searcher over that reader only.
/// </summary>
internal sealed class QueryBuilder(QueryVocabulary vocabulary, TermStates states)
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
    private readonly List<QueryPart> _parts = [];
    private readonly List<string> _chunks = [];
    private readonly SortedSet<int> _years = [];
    private readonly List<string> _places = [];
    /// <summary>The words to highlight, by text, as their bigrams.</summary>
    private readonly Dictionary<string, IReadOnlyList<AnalyzedToken>> _highlights = [];
    // SmartCn costs ~30 µs a call, and a unit's text is analysed for its terms, its unit, its match and its bonus.
    private readonly Dictionary<string, List<AnalyzedToken>> _words = [];
    private readonly Dictionary<string, List<AnalyzedToken>> _bigrams = [];

    public BuiltQuery Build(UserQuery query)
    {
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
                    var chunk = _chunks.Count;
                    _chunks.Add(words.Text);
                    var units = Units(words.Text, excluding: false);
                    proximity.AddRange(units.SelectMany(u => u.Bigrams));
                    // Every word is a term of its own, so a chunk typed without spaces relaxes word by word too;
                    // the chunk found verbatim still comes first through the exact bonus.
                    _parts.AddRange(units.Select(u => new QueryPart(u.Query, u.Text, u.Role, chunk, u.Start, u.End)));
                    // Only a chunk typed as a run of topic words can occur verbatim.
                    if (units.Count > 1 && _ignored.Count == ignoredBefore && ExactBonus(words.Text) is { } exact)
                        bonus.Add(exact);
                    break;
                default:
                    if (Nested(operand, excluding: false) is { } nested)
                        _parts.Add(new QueryPart(nested, Display(operand), TermRole.Fixed, -1, 0, 0));
                    break;
            }
        }
        if (proximity.Count > 1)
            bonus.Add(Proximity(proximity));
        return new BuiltQuery(_parts, _chunks, excluded, bonus, new QueryReading(_terms, _ignored, [.. _highlights.Values],
            [.. _years], _places), Relaxable: query is not UserQuery.All { Explicit: true });
    }

    /// <summary>A term as the person typed it, for saying which terms were dropped.</summary>
    private static string Display(UserQuery node) => node switch
    {
        UserQuery.Words words => words.Text,
        UserQuery.Phrase phrase => $"\"{phrase.Text}\"",
        UserQuery.Not not => "-" + Display(not.Operand),
        UserQuery.All all => "(" + string.Join(' ', all.Operands.Select(Display)) + ")",
        UserQuery.Any any => "(" + string.Join(" OR ", any.Operands.Select(Display)) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>The index terms text is matched by in the body, for its weight: its bigrams, or its SmartCn words when it has none.</summary>
    public IReadOnlyList<Term> IndexTerms(string text)
    {
        var bigrams = Bigrams(text);
        return bigrams is [{ Term.Length: 1 } only] && IsCjk(only.Term[0]) || bigrams.Count == 0
            ? [.. Words(text).Select(w => new Term(ArticleFields.Body, w.Term))]
            : [.. bigrams.Select(b => new Term(ArticleFields.BodyBigrams, b.Term))];
    }

    /// <summary>In how many articles the term occurs (deleted ones too, as Lucene counts it).</summary>
    public int DocFreq(Term term) => states.Of(term).DocFreq;

    /// <summary>Text anywhere in an article as written (its bigrams in sequence): a group of words relaxation keeps whole.</summary>
    public Query? Verbatim(string text) => Match(text, highlight: false);

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
                return AllOf([.. Units(words.Text, excluding).Select(u => u.Query)]);
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
                var anyQuery = new AnyOfQuery();
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

    /// <summary>
    /// A unit of a query: one word (or a synonym) with its bigrams, its role in relaxation and where it stands in
    /// the chunk; units whose text matches nothing analysable are left out.
    /// </summary>
    private sealed record QueryUnit(Query Query, string Text, TermRole Role, int Start, int End, IReadOnlyList<AnalyzedToken> Bigrams);

    /// <summary>
    /// Splits a chunk into units: synonym terms kept whole and question forms (会不会, 是不是) left out, as
    /// <see cref="QueryPiece"/> cuts it; the rest as SmartCn words, stopwords left out and the characters SmartCn could
    /// not place joined back (<see cref="UnitSpan"/>) so they match as the word typed.
    /// </summary>
    private List<QueryUnit> Units(string chunk, bool excluding)
    {
        var units = new List<QueryUnit>();
        foreach (var (offset, length, kind) in QueryPiece.Of(chunk, vocabulary))
        {
            var text = chunk.Substring(offset, length);
            if (kind == PieceKind.Question)
            {
                _ignored.Add(text);
                continue;
            }
            if (kind == PieceKind.Synonym)
            {
                AddUnit(offset, offset + length);
                continue;
            }
            var tokens = Words(text);
            _ignored.AddRange(tokens.Where(t => vocabulary.IsStopword(t.Term)).Select(t => t.Term));
            foreach (var span in UnitSpan.Of(text, tokens, vocabulary))
            {
                // The unit's words are the piece's within it: SmartCn need not cut its text again (~2.5 µs a word).
                _words.TryAdd(text[span.Start..span.End], Within(tokens, span.Start, span.End));
                AddUnit(offset + span.Start, offset + span.End);
            }
        }
        return units;

        void AddUnit(int start, int end)
        {
            var text = chunk[start..end];
            var role = excluding ? TermRole.Fixed : RoleOf(text);
            if (Unit(text, excluding ? "excluded" : role == TermRole.Year ? "year" : "word", highlight: !excluding) is { } query)
                units.Add(new QueryUnit(query, text, role, start, end, Bigrams(text)));
        }
    }

    /// <summary>The tokens between two offsets of the text they were cut from, as if cut from that stretch alone.</summary>
    private static List<AnalyzedToken> Within(List<AnalyzedToken> tokens, int start, int end)
    {
        var within = tokens.Where(t => t.Start >= start && t.End <= end).ToList();
        return [.. within.Select(t => t with { Start = t.Start - start, End = t.End - start, Position = t.Position - within[0].Position })];
    }

    /// <summary>What a word is to relaxation; a year or a place is also noted for its boost.</summary>
    private TermRole RoleOf(string text)
    {
        if (QueryFacts.Year(text) is { } year)
        {
            _years.Add(year);
            return TermRole.Year;
        }
        if (QueryFacts.Place(text) is { } place)
        {
            if (!_places.Contains(place)) _places.Add(place);
            return TermRole.Place;
        }
        return vocabulary.IsGeneric(text) ? TermRole.Generic : TermRole.Word;
    }

    private Query? Unit(string text, string kind, bool highlight)
    {
        var tokens = Words(text);
        var synonyms = vocabulary.SynonymsOf(text);
        _terms.Add(new QueryTerm(text, kind, [.. tokens.Select(t => t.Term)], synonyms));
        if (Match(text, highlight) is not { } query) return null;
        if (synonyms.Count == 0) return query;

        var anyOf = new AnyOfQuery { { query, Occur.SHOULD } };
        foreach (var synonym in synonyms)
        {
            if (Match(synonym, highlight) is not { } alternative) continue;
            alternative.Boost = SynonymBoost;
            anyOf.Add(alternative, Occur.SHOULD);
        }
        return anyOf;
    }

    /// <summary>Text in the title (boosted) or the body, as SmartCn words or as a bigram phrase.</summary>
    private Query? Match(string text, bool highlight)
    {
        var bigrams = Bigrams(text);
        // A lone CJK character has no bigram; the SmartCn field still holds it.
        if (bigrams is [{ Term.Length: 1 } only] && IsCjk(only.Term[0])) bigrams = [];
        if (highlight && bigrams.Count > 0) _highlights.TryAdd(text, bigrams);

        // The bigram sequence matches wherever the SmartCn words do (adjacent words are adjacent characters) and
        // also where SmartCn cut the text differently (江苏 inside 江苏省), so it alone decides; searching both
        // would score every match twice. The SmartCn fields serve what has no bigram: a lone character. Only then is
        // the text cut by SmartCn here: a synonym or a group of words has bigrams, and cutting it cost ~8 µs a text.
        var title = bigrams.Count > 0 ? Sequence(ArticleFields.TitleBigrams, bigrams) : Sequence(ArticleFields.Title, Words(text));
        var body = bigrams.Count > 0 ? Sequence(ArticleFields.BodyBigrams, bigrams) : AllTerms(ArticleFields.Body, Words(text));
        if (title is null || body is null) return null;
        title.Boost = TitleBoost;
        return new AnyOfQuery { { title, Occur.SHOULD }, { body, Occur.SHOULD } };
    }

    /// <summary>Every token, anywhere: for the body's SmartCn field, which has no positions.</summary>
    private Query? AllTerms(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count <= 1) return Sequence(field, tokens);
        var all = new BooleanQuery();
        foreach (var token in tokens) all.Add(TermQueryOf(new Term(field, token.Term)), Occur.MUST);
        return all;
    }

    /// <summary>One token as a term query, several as an exact phrase at their analysed positions.</summary>
    private Query? Sequence(string field, IReadOnlyList<AnalyzedToken> tokens) => tokens.Count switch
    {
        0 => null,
        1 => TermQueryOf(new Term(field, tokens[0].Term)),
        _ => new PooledPhraseQuery([.. tokens.Select(t => (new Term(field, t.Term), t.Position - tokens[0].Position))], slop: 0, states),
    };

    /// <summary>A term query over the term's place in the index, looked up once for the whole search.</summary>
    private PooledTermQuery TermQueryOf(Term term) => new(term, states);

    /// <summary>
    /// Rewards the chunk as typed occurring verbatim: exact phrases outrank scattered words. Null when the bigram
    /// analyzer keeps nothing of it (its English stopwords drop all of "of+the", which SmartCn keeps as two words).
    /// </summary>
    private Query? ExactBonus(string chunk)
    {
        var bigrams = Bigrams(chunk);
        if (bigrams.Count == 0) return null;
        var bonus = new AnyOfQuery
        {
            { Sequence(ArticleFields.TitleBigrams, bigrams)!, Occur.SHOULD },
            { Sequence(ArticleFields.BodyBigrams, bigrams)!, Occur.SHOULD },
        };
        bonus.Boost = ExactBonusBoost;
        return bonus;
    }

    /// <summary>
    /// Rewards the query's words occurring near each other in the body: a sloppy phrase over their bigrams, on the
    /// search's term states unless a bigram repeats (Lucene's PhraseQuery then).
    /// </summary>
    private Query Proximity(List<AnalyzedToken> bigrams)
    {
        var terms = bigrams.Select((bigram, i) => (Term: new Term(ArticleFields.BodyBigrams, bigram.Term), Position: i)).ToList();
        if (terms.DistinctBy(t => t.Term).Count() == terms.Count)
            return new PooledPhraseQuery(terms, ProximitySlop, states) { Boost = ProximityBonusBoost };
        var phrase = new PhraseQuery { Slop = ProximitySlop, Boost = ProximityBonusBoost };
        foreach (var (term, position) in terms) phrase.Add(term, position);
        return phrase;
    }

    private List<AnalyzedToken> Words(string text) =>
        Analysed(_words, text, static t => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, t));

    private List<AnalyzedToken> Bigrams(string text) => Analysed(_bigrams, text, ArchiveAnalyzers.TokenizeBigrams);

    /// <summary>The text's tokens, analysed once per search.</summary>
    private static List<AnalyzedToken> Analysed(
        Dictionary<string, List<AnalyzedToken>> memo, string text, Func<string, List<AnalyzedToken>> tokenize)
    {
        if (!memo.TryGetValue(text, out var tokens)) memo[text] = tokens = tokenize(text);
        return tokens;
    }

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
