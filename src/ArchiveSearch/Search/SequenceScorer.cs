using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// The documents with every term (the rarest leading), kept when the terms' positions, each less its place in
/// the sequence, have values in common: the sequence's starts, whose count is the frequency. Lucene.Net's scorer for
/// a phrase with no slop (ExactPhraseScorer) allocates two arrays of 4,096 ints for every query and segment whatever
/// the documents' length; words are matched as phrases of their bigrams in the title and the body, so on the bundled
/// corpus those arrays were most of what a search allocated. This one keeps the first term's positions in a buffer sized
/// to them, as Lucene 5 and later do, and checks each further term's against them as it reads them.
/// </summary>
internal sealed class SequenceScorer(Weight weight, PhrasePostings[] postings, Similarity.SimScorer docScorer) : Scorer(weight)
{
    private int _doc = -1;
    private int _freq;
    private int[] _starts = new int[16];

    public override int DocID => _doc;

    public override int Freq => _freq;

    public override float GetScore() => docScorer.Score(_doc, _freq);

    public override long GetCost() => postings[0].Enum.GetCost();

    public override int NextDoc() => Settle(postings[0].Enum.NextDoc());

    public override int Advance(int target) => Settle(postings[0].Enum.Advance(target));

    /// <summary>From the lead's document on, the first document with every term in sequence.</summary>
    private int Settle(int doc)
    {
        while (doc != NO_MORE_DOCS)
        {
            var candidate = doc;
            for (var i = 1; i < postings.Length; i++)
            {
                var other = postings[i].Enum;
                var at = other.DocID < candidate ? other.Advance(candidate) : other.DocID;
                if (at > candidate)
                {
                    candidate = at;
                    break;
                }
            }
            if (candidate == doc && (_freq = Starts()) > 0) return _doc = doc;
            doc = candidate == doc ? postings[0].Enum.NextDoc() : postings[0].Enum.Advance(candidate);
        }
        return _doc = NO_MORE_DOCS;
    }

    /// <summary>How many places the whole sequence starts at in the current document.</summary>
    private int Starts()
    {
        var count = Read(postings[0], ref _starts);
        for (var i = 1; i < postings.Length && count > 0; i++) count = Keep(postings[i], _starts, count);
        return count;
    }

    /// <summary>A term's positions in the current document less its place in the sequence, ascending.</summary>
    private static int Read(PhrasePostings term, ref int[] buffer)
    {
        var freq = term.Enum.Freq;
        if (buffer.Length < freq) buffer = new int[ArrayUtil.Oversize(freq, sizeof(int))];
        for (var i = 0; i < freq; i++) buffer[i] = term.Enum.NextPosition() - term.Offset;
        return freq;
    }

    /// <summary>
    /// Keeps in <paramref name="starts"/> those where the term also stands (less its place in the sequence); their
    /// count. The term's positions are read only up to the last start: no later one can be kept, and the postings
    /// skip those left unread without decoding whole blocks of them. At 100,000 articles the phrase 未来产业, whose
    /// commonest bigram (产业) stands eight times in an article on average, took 0.89 of the time reading every position
    /// had taken (benchmarks/compare; the same build against itself 0.99).
    /// </summary>
    private static int Keep(PhrasePostings term, int[] starts, int count)
    {
        var (kept, next, last) = (0, 0, starts[count - 1]);
        for (var left = term.Enum.Freq; left > 0; left--)
        {
            var position = term.Enum.NextPosition() - term.Offset;
            if (position > last) break;
            while (starts[next] < position) next++;
            if (starts[next] == position) starts[kept++] = starts[next++];
        }
        return kept;
    }
}
