using System.Net;
using System.Text;
using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Cuts a short snippet from an article's body around its densest cluster of matches. Match positions come
/// from the offsets stored in the bigram field's postings, so no hit's text is analysed again. A match is a whole
/// query word, its bigrams at consecutive positions (人工 工智 智能), as the query matched it: a lone 智能 is not one.
/// </summary>
internal static class SnippetBuilder
{
    public const int Length = 120;
    private const int LeadIn = 20;

    /// <summary>
    /// Snippets for a page of hits at once: each term's postings are looked up once per segment and walked through the
    /// hits in document order, instead of once per hit. Every lookup seeks the term dictionary and clones index inputs
    /// for a new postings enum (before <see cref="ServingDirectory"/>, under a lock): per hit, that was most of the cost.
    /// </summary>
    /// <param name="words">Each word to highlight as its bigrams, with positions relative to the first.</param>
    public static string[] Build(
        IndexReader reader, IReadOnlyList<(int DocId, string Body)> hits, IReadOnlyList<IReadOnlyList<AnalyzedToken>> words)
    {
        var terms = words.SelectMany(w => w.Select(t => t.Term)).Distinct().ToList();
        var occurrences = AllOccurrences(reader, hits, terms);
        var snippets = new string[hits.Count];
        for (var i = 0; i < hits.Count; i++)
            snippets[i] = Cut(hits[i].Body, Merge(WholeWords(occurrences[i], words)));
        return snippets;
    }

    /// <summary>The spans where every bigram of a word stands at its place.</summary>
    private static List<(int Start, int End)> WholeWords(
        Dictionary<(string Term, int Position), (int Start, int End)> occurrences, IReadOnlyList<IReadOnlyList<AnalyzedToken>> words)
    {
        var spans = new List<(int Start, int End)>(occurrences.Count);
        foreach (var ((term, position), first) in occurrences)
            for (var w = 0; w < words.Count; w++)   // not foreach: an enumerator per occurrence was 5% of a page's allocations
            {
                var word = words[w];
                if (word[0].Term != term) continue;
                var end = first.End;
                var whole = true;
                for (var i = 1; i < word.Count && whole; i++)
                {
                    whole = occurrences.TryGetValue((word[i].Term, position + word[i].Position - word[0].Position), out var next);
                    end = Math.Max(end, next.End);
                }
                if (whole) spans.Add((first.Start, end));
            }
        return spans;
    }

    private static string Cut(string body, List<(int Start, int End)> matches)
    {
        var start = matches.Count == 0 ? 0 : WindowStart(body, matches);
        var end = Math.Min(body.Length, start + Length);
        // A match is shown whole: the window widens rather than cut a word in two.
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchStart < start && matchEnd > start) start = matchStart;
            if (matchStart < end && matchEnd > end) end = matchEnd;
        }

        var snippet = new StringBuilder(Length + 64);
        if (start > 0) snippet.Append('…');
        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchEnd <= start || matchStart >= end) continue;
            Append(snippet, body, at, matchStart);
            snippet.Append("<em>");
            Append(snippet, body, matchStart, matchEnd);
            snippet.Append("</em>");
            at = matchEnd;
        }
        Append(snippet, body, at, end);
        if (end < body.Length) snippet.Append('…');
        return snippet.ToString();
    }

    /// <summary>Every occurrence of the terms in each hit, by term and position, from the bigram field's postings.</summary>
    private static Dictionary<(string Term, int Position), (int Start, int End)>[] AllOccurrences(
        IndexReader reader, IReadOnlyList<(int DocId, string Body)> hits, IReadOnlyList<string> terms)
    {
        var spans = new Dictionary<(string Term, int Position), (int Start, int End)>[hits.Count];
        for (var i = 0; i < hits.Count; i++) spans[i] = new();
        var order = Enumerable.Range(0, hits.Count).OrderBy(i => hits[i].DocId).ToArray();

        var leaves = reader.Leaves;
        for (var k = 0; k < order.Length;)
        {
            // The hits in one segment, in doc id order.
            var leaf = leaves[ReaderUtil.SubIndex(hits[order[k]].DocId, leaves)];
            var leafEnd = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var end = k;
            while (end < order.Length && hits[order[end]].DocId < leafEnd) end++;
            if (leaf.AtomicReader.GetTerms(ArticleFields.BodyBigrams)?.GetEnumerator() is { } termsEnum)
            {
                // One postings enum for the segment, reused term after term (each new one is ~5 KB of buffers).
                DocsAndPositionsEnum? postings = null;
                foreach (var term in terms)
                    postings = AddOccurrences(termsEnum, postings, term, leaf.DocBase, hits, order[k..end], spans);
            }
            k = end;
        }
        return spans;
    }

    /// <summary>
    /// The offsets of one term in the given hits of a segment (<paramref name="inDocOrder"/> indexes hits), read with
    /// <paramref name="reuse"/> when Lucene can; returns the enum to reuse for the next term.
    /// </summary>
    private static DocsAndPositionsEnum? AddOccurrences(TermsEnum termsEnum, DocsAndPositionsEnum? reuse, string term, int docBase,
        IReadOnlyList<(int DocId, string Body)> hits, int[] inDocOrder, Dictionary<(string Term, int Position), (int Start, int End)>[] spans)
    {
        if (!termsEnum.SeekExact(new BytesRef(term)) ||
            termsEnum.DocsAndPositions(null, reuse, DocsAndPositionsFlags.OFFSETS) is not { } postings) return reuse;
        foreach (var hit in inDocOrder)
        {
            var localDoc = hits[hit].DocId - docBase;
            if (postings.DocID < localDoc && postings.Advance(localDoc) == DocIdSetIterator.NO_MORE_DOCS) return postings;
            if (postings.DocID != localDoc) continue;
            // Grown once to fit the term's occurrences: doubling step by step was a third of a page's allocations.
            spans[hit].EnsureCapacity(spans[hit].Count + postings.Freq);
            for (var n = postings.Freq; n > 0; n--)
            {
                var position = postings.NextPosition();
                spans[hit][(term, position)] = (postings.StartOffset, postings.EndOffset);
            }
        }
        return postings;
    }

    /// <summary>Overlapping and adjacent matches joined (人工 + 工智 + 智能).</summary>
    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        spans.Sort();
        var merged = new List<(int Start, int End)>(spans.Count);
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
