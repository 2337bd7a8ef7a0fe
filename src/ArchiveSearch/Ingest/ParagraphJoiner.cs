namespace ArchiveSearch.Ingest;

/// <summary>Rebuilds paragraphs from the lines of an article body.</summary>
public static class ParagraphJoiner
{
    // PDF text wraps at about 28 Chinese characters (width 56); a paragraph's first line is indented to width ~52.
    // A line narrower than this cannot be a wrapped line, so it ends its paragraph.
    private const int ShortLine = 48;

    // A wrapped line ending a sentence can still be a little short of the full width (line-breaking rules
    // push a character down); up to this width a sentence end is taken as the paragraph's end.
    private const int SentenceEndWidth = 54;

    /// <summary>PDF text, hard-wrapped: joins lines until one ends well short of the wrap width, or short and at a sentence end.</summary>
    public static IReadOnlyList<string> FromWrappedLines(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = "";
        foreach (var line in lines)
        {
            current = ChineseText.Join(current, line);
            var width = ChineseText.Width(line);
            if (width < ShortLine || width <= SentenceEndWidth && ChineseText.EndsSentence(line))
            {
                paragraphs.Add(current);
                current = "";
            }
        }
        if (current.Length > 0)
            paragraphs.Add(current);
        return paragraphs;
    }

    /// <summary>
    /// Clean export: one paragraph a line, but a long paragraph may be cut once into a line that stops mid-sentence
    /// and its continuation. A continuation that is itself cut lost its end in the export: the paragraph stops there.
    /// </summary>
    public static IReadOnlyList<string> FromExportLines(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        string? cut = null;
        foreach (var line in lines)
        {
            if (cut is not null)
            {
                paragraphs.Add(ChineseText.Join(cut, line));
                cut = null;
            }
            else if (IsCut(line))
                cut = line;
            else
                paragraphs.Add(line);
        }
        if (cut is not null)
            paragraphs.Add(cut);
        return paragraphs;
    }

    /// <summary>A long line that stops without ending its sentence (headings are short and pass).</summary>
    public static bool IsCut(string line) => ChineseText.Width(line) >= ShortLine && !ChineseText.EndsSentence(line);
}
