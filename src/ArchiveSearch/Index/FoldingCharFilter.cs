using ArchiveSearch.Ingest;
using Lucene.Net.Analysis.CharFilters;

namespace ArchiveSearch.Index;

/// <summary>
/// The analysis chain's folding (<see cref="ScriptFolding"/>) as a Lucene char filter before the tokenizers: they see
/// folded text, and the offsets of their tokens are corrected back to the original, so snippets highlight an article's
/// own characters. A field's text is folded whole on first read (titles and bodies are small), with the same matching
/// as the string folding ingest and the query use, so there is one definition of it. Lucene's MappingCharFilter over
/// the same table gives the same tokens a character at a time through its FST, and reads 2–3× slower (40–55 against
/// 19–20 ns a character, the `folding` benchmark in docs/performance.md).
/// </summary>
internal sealed class FoldingCharFilter(TextReader input, ScriptFolding folding) : BaseCharFilter(input)
{
    private string? _text;
    private int _next;

    public override int Read(char[] buffer, int index, int count)
    {
        var text = _text ??= Fold();
        var length = Math.Min(count, text.Length - _next);
        if (length <= 0) return -1; // end of input, as Lucene's char filters report it
        text.CopyTo(_next, buffer, index, length);
        _next += length;
        return length;
    }

    public override int Read()
    {
        var text = _text ??= Fold();
        return _next < text.Length ? text[_next++] : -1;
    }

    public override int Peek()
    {
        var text = _text ??= Fold();
        return _next < text.Length ? text[_next] : -1;
    }

    /// <summary>Folds the whole input, recording where offsets shift as Lucene's MappingCharFilter records them.
    /// Lucene's reader of an empty field value answers null to ReadToEnd.</summary>
    private string Fold() => folding.Fold(m_input.ReadToEnd() ?? "", (inputEnd, keyLength, valueLength) =>
    {
        var previous = LastCumulativeDiff;
        var diff = keyLength - valueLength;
        if (diff > 0)
        {
            // Shorter than its key: the text after it sits diff characters further left.
            AddOffCorrectMap(inputEnd - diff - previous, previous + diff);
            return;
        }
        // Longer (… → ...): the extra characters all map back to the end of the key.
        var outputStart = inputEnd - previous;
        for (var extra = 0; extra < -diff; extra++) AddOffCorrectMap(outputStart + extra, previous - extra - 1);
    });
}
