namespace ArchiveSearch.Search;

/// <summary>
/// The query syntax people type: words are ANDed, <c>"…"</c> is a phrase, <c>-word</c> excludes, <c>OR</c> and
/// parentheses group. Parsed by hand so no user text reaches a parser that can throw or explode; anything else
/// (<c>*</c>, <c>~</c>, <c>/regex/</c>, <c>field:</c>) is plain text that the analyzer reduces to words.
/// </summary>
public abstract record UserQuery
{
    /// <summary>A chunk of text between spaces and operators.</summary>
    public sealed record Words(string Text) : UserQuery;
    /// <summary>Text that must occur as written.</summary>
    public sealed record Phrase(string Text) : UserQuery;
    public sealed record Not(UserQuery Operand) : UserQuery;
    /// <summary>Every operand; <paramref name="Explicit"/> when the person typed AND, which rules out relaxing.</summary>
    public sealed record All(IReadOnlyList<UserQuery> Operands, bool Explicit = false) : UserQuery;
    public sealed record Any(IReadOnlyList<UserQuery> Operands) : UserQuery;

    public const int MaxClauses = 32;

    /// <exception cref="SearchRequestException">Unbalanced quotes or parentheses, dangling operators, too many clauses.</exception>
    public static UserQuery Parse(string text)
    {
        var parser = new Parser(Lex(text));
        var query = parser.ParseAny();
        if (!parser.AtEnd)
            throw new SearchRequestException("q", "has a ')' without a matching '('");
        if (parser.Clauses > MaxClauses)
            throw new SearchRequestException("q", $"has {parser.Clauses} clauses; the limit is {MaxClauses}");
        return query;
    }

    private const string DanglingMinus = "has a dangling '-': put the word to exclude right after it, as in -上海";

    private enum TokenKind { Word, Phrase, Minus, Or, And, Open, Close }

    private readonly record struct Token(TokenKind Kind, string Text);

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            switch (c)
            {
                case '"' or '“' or '”':
                    var close = text.IndexOfAny(['"', '“', '”'], i + 1);
                    if (close < 0) throw new SearchRequestException("q", "has an unbalanced quote: a phrase opened with \" is never closed");
                    tokens.Add(new Token(TokenKind.Phrase, text[(i + 1)..close]));
                    i = close + 1;
                    continue;
                case '(' or '（': tokens.Add(new Token(TokenKind.Open, "(")); i++; continue;
                case ')' or '）': tokens.Add(new Token(TokenKind.Close, ")")); i++; continue;
                case '-' or '－' when IsOperatorPosition(text, i):
                    // "科技 - 金融": a minus standing alone excludes nothing the person can see; say so rather than guess.
                    if (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || char.IsControl(text[i + 1]))
                        throw new SearchRequestException("q", DanglingMinus);
                    tokens.Add(new Token(TokenKind.Minus, "-")); i++; continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !char.IsControl(text[i]) && "\"“”()（）".IndexOf(text[i]) < 0) i++;
            var word = text[start..i];
            tokens.Add(word switch
            {
                "OR" or "|" or "||" => new Token(TokenKind.Or, word),
                "AND" or "&&" => new Token(TokenKind.And, word),
                _ => new Token(TokenKind.Word, word),
            });
        }
        return tokens;
    }

    /// <summary>A minus excludes only at the start of a term (2024-2026 stays one word).</summary>
    private static bool IsOperatorPosition(string text, int i) => i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '（';

    private sealed class Parser(List<Token> tokens)
    {
        private const string DanglingOr = "has a dangling OR: it needs a term on each side";
        private int _next;

        public int Clauses { get; private set; }
        public bool AtEnd => _next == tokens.Count;

        public UserQuery ParseAny()
        {
            var operands = new List<UserQuery> { ParseAll() };
            while (Peek(TokenKind.Or))
            {
                _next++;
                if (AtEnd || Peek(TokenKind.Close) || Peek(TokenKind.Or))
                    throw new SearchRequestException("q", DanglingOr);
                operands.Add(ParseAll());
            }
            return operands.Count == 1 ? operands[0] : new Any(operands);
        }

        private UserQuery ParseAll()
        {
            var operands = new List<UserQuery>();
            var explicitAnd = false;
            while (!AtEnd && !Peek(TokenKind.Close) && !Peek(TokenKind.Or))
            {
                if (Peek(TokenKind.And))
                {
                    _next++;
                    explicitAnd = true;
                    if (operands.Count == 0 || AtEnd || Peek(TokenKind.Close) || Peek(TokenKind.Or))
                        throw new SearchRequestException("q", "has a dangling AND: it needs a term on each side");
                    continue;
                }
                operands.Add(ParseUnary());
            }
            if (operands.Count == 0)
                throw new SearchRequestException("q", Peek(TokenKind.Or) ? DanglingOr
                    : Peek(TokenKind.Close) ? "has a ')' without a matching '('" : "has nothing to search for");
            return operands.Count == 1 ? operands[0] : new All(operands, explicitAnd);
        }

        private UserQuery ParseUnary()
        {
            if (!Peek(TokenKind.Minus)) return ParsePrimary();
            _next++;
            if (AtEnd || Peek(TokenKind.Close) || Peek(TokenKind.Or) || Peek(TokenKind.Minus) || Peek(TokenKind.And))
                throw new SearchRequestException("q", DanglingMinus);
            return new Not(ParsePrimary());
        }

        private UserQuery ParsePrimary()
        {
            var token = tokens[_next++];
            switch (token.Kind)
            {
                case TokenKind.Open:
                    if (Peek(TokenKind.Close)) throw new SearchRequestException("q", "has an empty group '()'");
                    var inner = ParseAny();
                    if (!Peek(TokenKind.Close)) throw new SearchRequestException("q", "has a '(' without a matching ')'");
                    _next++;
                    return inner;
                case TokenKind.Phrase:
                    Clauses++;
                    return new Phrase(token.Text);
                case TokenKind.Word:
                    Clauses++;
                    return new Words(token.Text);
                default:
                    throw new SearchRequestException("q", $"has '{token.Text}' where a term was expected");
            }
        }

        private bool Peek(TokenKind kind) => _next < tokens.Count && tokens[_next].Kind == kind;
    }
}
