using ArchiveSearch.Index;

namespace ArchiveSearch.Search;

/// <summary>
/// A stretch of a query's piece searched as one unit: a SmartCn word, a run of single characters SmartCn could not
/// place (<see cref="Singles"/> counts them) or a run of Latin letters and digits (SmartCn cuts PAS2060 into pa / 2060;
/// the bigram field holds it whole). Offsets are the piece's.
/// </summary>
internal readonly record struct UnitSpan(int Start, int End, int Singles, bool Latin)
{
    /// <summary>
    /// The units of a piece from its SmartCn tokens, stopwords left out. Only spans that touch are joined, so nothing
    /// joins across a stopword. Runs of single characters are joined (引 / 领), and a lone one joins the word it touches
    /// (显示器 / 件, 元 / 宇宙): alone it would match that character anywhere. A lone generic character (新) stays a unit
    /// of its own: joined to its neighbour it would make a word no one typed (AR眼镜新产品 → 眼镜新).
    /// </summary>
    public static List<UnitSpan> Of(string piece, IReadOnlyList<AnalyzedToken> tokens, QueryVocabulary vocabulary)
    {
        var spans = new List<UnitSpan>();
        foreach (var token in tokens)
        {
            if (!vocabulary.IsStopword(token.Term)) Extend(spans, token);
        }
        JoinLoneCharacters(spans, piece, vocabulary);
        return spans;
    }

    /// <summary>Adds a token to the spans, joined to the last where it continues a run of single characters or of Latin.</summary>
    private static void Extend(List<UnitSpan> spans, AnalyzedToken token)
    {
        var isSingleCjk = token.Term.Length == 1 && QueryBuilder.IsCjk(token.Term[0]);
        var isLatin = !QueryBuilder.IsCjk(token.Term[0]);
        if (isSingleCjk && spans is [.., { Singles: > 0 } singles] && singles.End == token.Start)
            spans[^1] = new UnitSpan(singles.Start, token.End, singles.Singles + 1, false);
        else if (isLatin && spans is [.., { Latin: true } latin] && latin.End == token.Start)
            spans[^1] = new UnitSpan(latin.Start, token.End, 0, true);
        else
            spans.Add(new UnitSpan(token.Start, token.End, isSingleCjk ? 1 : 0, isLatin));
    }

    /// <summary>Joins each lone character that is not generic to the span it touches, the one before it first.</summary>
    private static void JoinLoneCharacters(List<UnitSpan> spans, string piece, QueryVocabulary vocabulary)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Singles != 1 || vocabulary.IsGeneric(piece[span.Start..span.End])) continue;
            if (i > 0 && spans[i - 1].End == span.Start)
                spans[i - 1] = new UnitSpan(spans[i - 1].Start, span.End, 0, false);
            else if (i + 1 < spans.Count && span.End == spans[i + 1].Start)
                spans[i + 1] = new UnitSpan(span.Start, spans[i + 1].End, 0, false);
            else continue;
            spans.RemoveAt(i--);
        }
    }
}
