using System.Buffers;
using System.Net;
using System.Text;
using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Cuts a short snippet from an article's body around its densest cluster of matches. A match is a whole query word,
/// its bigrams at consecutive positions (人工 工智 智能), as the query matched it: a lone 智能 is not one. Matches are
/// found in the body's text or read from the offsets stored in the bigram field's postings, so no hit's text is
/// analysed again.
/// </summary>
internal static class SnippetBuilder
{
    public const int Length = 120;
    private const int LeadIn = 20;

    /// <summary>
    /// Snippets for a page of hits at once. A word of ideographs alone (人工智能) is found in the body as written
    /// wherever folding keeps the body's ideographs (<paramref name="hits"/>' IdeographsAsIndexed, most articles): its
    /// bigrams stand at consecutive positions exactly where its text stands, so searching the text finds what the
    /// postings would, without decoding every occurrence of each bigram up to each hit (a fifth of a search on the
    /// bundled mix). Other words (Latin, mixed) and bodies whose ideographs fold (traditional characters) are read from
    /// the postings (<see cref="FromPostings"/>).
    /// </summary>
    /// <param name="words">Each word to highlight as its bigrams, with positions relative to the first.</param>
    public static string[] Build(IndexReader reader, IReadOnlyList<(int DocId, string Body, bool IdeographsAsIndexed)> hits,
        IReadOnlyList<IReadOnlyList<AnalyzedToken>> words)
    {
        var texts = words.Select(Ideographs).ToList();
        var scanned = texts.OfType<string>().ToList();
        var indexed = words.Where((_, w) => texts[w] is null).ToList();
        var plain = Enumerable.Range(0, hits.Count).Where(i => hits[i].IdeographsAsIndexed).ToList();
        var folded = Enumerable.Range(0, hits.Count).Except(plain).ToList();

        var snippets = new string[hits.Count];
        var fromPostings = FromPostings(reader, [.. folded.Select(i => (hits[i].DocId, hits[i].Body))], words);
        for (var k = 0; k < folded.Count; k++) snippets[folded[k]] = fromPostings[k];
        var occurrences = indexed.Count == 0 ? null : AllOccurrences(reader, [.. plain.Select(i => (hits[i].DocId, hits[i].Body))], Terms(indexed));
        for (var k = 0; k < plain.Count; k++)
        {
            var body = hits[plain[k]].Body;
            var spans = Found(body, scanned);
            if (occurrences is not null) spans.AddRange(WholeWords(occurrences[k], indexed));
            snippets[plain[k]] = Cut(body, Merge(spans));
        }
        return snippets;
    }

    /// <summary>
    /// Snippets with every word's matches read from the bigram field's postings: each term's postings are looked up
    /// once per segment and walked through the hits in document order, instead of once per hit. Every lookup seeks the
    /// term dictionary and clones index inputs for a new postings enum (before <see cref="ServingDirectory"/>, under a
    /// lock): per hit, that was most of the cost.
    /// </summary>
    internal static string[] FromPostings(
        IndexReader reader, IReadOnlyList<(int DocId, string Body)> hits, IReadOnlyList<IReadOnlyList<AnalyzedToken>> words)
    {
        if (hits.Count == 0) return [];
        var occurrences = AllOccurrences(reader, hits, Terms(words));
        return [.. hits.Select((hit, i) => Cut(hit.Body, Merge(WholeWords(occurrences[i], words))))];
    }

    private static List<string> Terms(IReadOnlyList<IReadOnlyList<AnalyzedToken>> words) =>
        [.. words.SelectMany(w => w.Select(t => t.Term)).Distinct()];

    /// <summary>The word's text when it is ideographs alone, as its bigrams spell it (人工 工智 智能 → 人工智能); else null.</summary>
    private static string? Ideographs(IReadOnlyList<AnalyzedToken> word)
    {
        for (var i = 0; i < word.Count; i++)
        {
            if (word[i].Term is not [var first, var second] || !QueryBuilder.IsCjk(first) || !QueryBuilder.IsCjk(second)) return null;
            if (i > 0 && (word[i].Position != word[i - 1].Position + 1 || word[i - 1].Term[1] != first)) return null;
        }
        return word.Count == 0 ? null : word[0].Term[..1] + string.Concat(word.Select(t => t.Term[1]));
    }

    /// <summary>The thread's list of a body's matches, for one snippet at a time: a new one for each was 6 KiB of the 43 a one-word search allocated.</summary>
    [ThreadStatic] private static List<(int Start, int End)>? t_found;

    /// <summary>
    /// Every place each word stands in the body, overlapping ones too (哈哈 twice in 哈哈哈), as the postings have them;
    /// in the thread's list, which the next call empties.
    /// </summary>
    private static List<(int Start, int End)> Found(string body, List<string> words)
    {
        var spans = t_found ??= [];
        spans.Clear();
        foreach (var word in words)
            for (var at = body.IndexOf(word, StringComparison.Ordinal); at >= 0; at = body.IndexOf(word, at + 1, StringComparison.Ordinal))
                spans.Add((at, at + word.Length));
        return spans;
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

    /// <summary>The thread's snippet being written: one per snippet was a tenth of what a page of them allocated.</summary>
    [ThreadStatic] private static StringBuilder? t_snippet;

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

        var snippet = t_snippet ??= new StringBuilder(Length + 64);
        snippet.Clear();
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

    /// <summary>Overlapping and adjacent matches joined (人工 + 工智 + 智能), in place.</summary>
    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        // One word's matches come in order; sorting them anyway was 3% of a search on the bundled mix.
        if (!InOrder(spans)) SortByStart(spans);
        var merged = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            if (merged > 0 && spans[i].Start <= spans[merged - 1].End)
                spans[merged - 1] = (spans[merged - 1].Start, Math.Max(spans[merged - 1].End, spans[i].End));
            else
                spans[merged++] = spans[i];
        }
        spans.RemoveRange(merged, spans.Count - merged);
        return spans;
    }

    /// <summary>
    /// By start, then end, each pair sorted as one number: sorting the pairs themselves went through their comparer,
    /// 5% of a two-word search with snippets on the bundled corpus.
    /// </summary>
    private static void SortByStart(List<(int Start, int End)> spans)
    {
        var keys = ArrayPool<long>.Shared.Rent(spans.Count);
        for (var i = 0; i < spans.Count; i++) keys[i] = ((long)spans[i].Start << 32) | (uint)spans[i].End;
        keys.AsSpan(0, spans.Count).Sort();
        for (var i = 0; i < spans.Count; i++) spans[i] = ((int)(keys[i] >> 32), (int)keys[i]);
        ArrayPool<long>.Shared.Return(keys);
    }

    private static bool InOrder(List<(int Start, int End)> spans)
    {
        for (var i = 1; i < spans.Count; i++)
            if (spans[i].CompareTo(spans[i - 1]) < 0) return false;
        return true;
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
        var sentenceStart = body.AsSpan(0, Math.Max(0, bestStart - 1) + 1).LastIndexOfAny(SentenceEnds) + 1;
        return bestStart - sentenceStart <= LeadIn ? sentenceStart : bestStart - LeadIn;
    }

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？\n");

    /// <summary>
    /// The markup characters HTML encoding changes, and the newline a snippet shows as a space; it also changes
    /// U+00A0–U+00FF and surrogates (<see cref="Changes"/>). Most stretches of a body hold none of them and are copied
    /// as they are: a substring, its encoding and a copy without newlines for each stretch were 5 KiB of the 59 a
    /// one-word search allocated.
    /// </summary>
    private static readonly SearchValues<char> Markup = SearchValues.Create("<>&\"'\n");

    /// <summary>
    /// Whether encoding changes the text. Three vectorised scans: one set of all of it was a probabilistic map, 2% of
    /// a search on the bundled mix.
    /// </summary>
    private static bool Changes(ReadOnlySpan<char> text) =>
        text.ContainsAny(Markup) || text.ContainsAnyInRange('\u00A0', '\u00FF') || text.ContainsAnyInRange('\uD800', '\uDFFF');

    private static void Append(StringBuilder snippet, string body, int from, int to)
    {
        if (to <= from) return;
        if (Changes(body.AsSpan(from, to - from)))
            snippet.Append(WebUtility.HtmlEncode(body[from..to]).Replace('\n', ' '));
        else
            snippet.Append(body, from, to - from);
    }
}
