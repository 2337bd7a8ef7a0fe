using System.Net;
using System.Text;
using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Cuts a short snippet from an article's body around its densest cluster of matches. Match positions come
/// from the offsets stored in the bigram field's postings, so no hit's text is analysed again.
/// </summary>
internal static class SnippetBuilder
{
    public const int Length = 120;
    private const int LeadIn = 20;

    public static string Build(IndexReader reader, int docId, string body, IReadOnlyList<string> terms)
    {
        var matches = MergedMatches(reader, docId, terms);
        var start = matches.Count == 0 ? 0 : WindowStart(body, matches);
        var end = Math.Min(body.Length, start + Length);

        var snippet = new StringBuilder(Length + 64);
        if (start > 0) snippet.Append('…');
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchEnd <= start || matchStart >= end) continue;
            var from = Math.Max(matchStart, start);
            var to = Math.Min(matchEnd, end);
            Append(snippet, body, at, from);
            snippet.Append("<em>");
            Append(snippet, body, from, to);
            snippet.Append("</em>");
            at = to;
        }
        Append(snippet, body, at, end);
        if (end < body.Length) snippet.Append('…');
        return snippet.ToString();
    }

    /// <summary>Every occurrence of the terms in the document, overlapping and adjacent ones joined (人工 + 工智 + 智能).</summary>
    private static List<(int Start, int End)> MergedMatches(IndexReader reader, int docId, IReadOnlyList<string> terms)
    {
        var spans = new List<(int Start, int End)>();
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var localDoc = docId - leaf.DocBase;
        var fieldTerms = leaf.AtomicReader.GetTerms(ArticleFields.BodyBigrams);
        if (fieldTerms is null) return spans;

        var termsEnum = fieldTerms.GetEnumerator();
        DocsAndPositionsEnum? postings = null;
        foreach (var term in terms)
        {
            if (!termsEnum.SeekExact(new BytesRef(term))) continue;
            postings = termsEnum.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
            if (postings is null || postings.Advance(localDoc) != localDoc) continue;
            for (var i = postings.Freq; i > 0; i--)
            {
                postings.NextPosition();
                spans.Add((postings.StartOffset, postings.EndOffset));
            }
        }

        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else
                merged.Add(span);
        }
        return merged;
    }

    /// <summary>Where the window holding the most matched characters starts, backed up to its sentence's start when near.</summary>
    private static int WindowStart(string body, List<(int Start, int End)> matches)
    {
        var bestStart = matches[0].Start;
        var bestCovered = 0;
        for (var first = 0; first < matches.Count; first++)
        {
            var windowEnd = matches[first].Start + Length - LeadIn;
            var covered = 0;
            for (var i = first; i < matches.Count && matches[i].Start < windowEnd; i++)
                covered += Math.Min(matches[i].End, windowEnd) - matches[i].Start;
            if (covered > bestCovered)
            {
                bestCovered = covered;
                bestStart = matches[first].Start;
            }
        }
        var sentenceStart = body.LastIndexOfAny(['。', '！', '？', '\n'], Math.Max(0, bestStart - 1)) + 1;
        return bestStart - sentenceStart <= LeadIn ? sentenceStart : bestStart - LeadIn;
    }

    private static void Append(StringBuilder snippet, string body, int from, int to)
    {
        if (to > from) snippet.Append(WebUtility.HtmlEncode(body[from..to]).Replace('\n', ' '));
    }
}
