namespace ArchiveSearch.Search;

/// <summary>What a stretch of a query's chunk is before SmartCn sees it.</summary>
internal enum PieceKind { Plain, Synonym, Question }

/// <summary>A stretch of a query's chunk: plain text, a synonym term kept whole, or a question form ignored.</summary>
internal readonly record struct QueryPiece(int Offset, int Length, PieceKind Kind)
{
    /// <summary>
    /// Cuts a chunk, before SmartCn sees it, at synonym terms (kept whole, case aside) and question forms (ignored):
    /// SmartCn cuts 会不会 into 会 / 不 / 会, which no word list of single tokens could tell from topic words. At each
    /// place the longest form or term wins, a question form before a synonym.
    /// </summary>
    public static IEnumerable<QueryPiece> Of(string chunk, QueryVocabulary vocabulary)
    {
        var start = 0;
        var i = 0;
        while (i < chunk.Length)
        {
            var (match, kind) = vocabulary.QuestionFormsFrom(chunk[i])
                .FirstOrDefault(form => string.CompareOrdinal(chunk, i, form, 0, form.Length) == 0) is { } form
                ? (form, PieceKind.Question)
                : (vocabulary.SynonymTermsFrom(chunk[i]).FirstOrDefault(term =>
                    string.Compare(chunk, i, term, 0, term.Length, StringComparison.OrdinalIgnoreCase) == 0 && IsWordBoundary(chunk, i, term.Length)),
                   PieceKind.Synonym);
            if (match is null) { i++; continue; }
            if (i > start) yield return new QueryPiece(start, i - start, PieceKind.Plain);
            yield return new QueryPiece(i, match.Length, kind);
            i += match.Length;
            start = i;
        }
        if (start < chunk.Length) yield return new QueryPiece(start, chunk.Length - start, PieceKind.Plain);
    }

    /// <summary>Latin synonyms (AI) must stand alone: not the "ai" inside "said".</summary>
    private static bool IsWordBoundary(string text, int start, int length) =>
        !char.IsAsciiLetter(text[start]) ||
        ((start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1])) &&
         (start + length == text.Length || !char.IsAsciiLetterOrDigit(text[start + length])));
}
