using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// The documents any of a few scorers match, in order. A document's score is the sum of its matching scorers' scores
/// times the coordination factor of how many matched, as Lucene's DisjunctionSumScorer has it.
/// </summary>
internal sealed class AnyOfScorer(Weight weight, Scorer[] scorers, float[] coord) : Scorer(weight)
{
    private int _doc = -1;

    public override int DocID => _doc;

    public override int NextDoc()
    {
        foreach (var scorer in scorers)
        {
            if (scorer.DocID == _doc) scorer.NextDoc();
        }
        return _doc = Lowest(scorers);
    }

    public override int Advance(int target)
    {
        foreach (var scorer in scorers)
        {
            if (scorer.DocID < target) scorer.Advance(target);
        }
        return _doc = Lowest(scorers);
    }

    public override float GetScore()
    {
        var (sum, matched) = (0d, 0);
        foreach (var scorer in scorers)
        {
            if (scorer.DocID != _doc) continue;
            sum += scorer.GetScore();
            matched++;
        }
        return (float)sum * coord[matched];
    }

    /// <summary>How many of the scorers match the document.</summary>
    public override int Freq
    {
        get
        {
            var matched = 0;
            foreach (var scorer in scorers)
                if (scorer.DocID == _doc) matched++;
            return matched;
        }
    }

    public override long GetCost() => scorers.Sum(s => s.GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. scorers.Select(s => new ChildScorer(s, "SHOULD"))];

    /// <summary>The lowest document any of <paramref name="scorers"/> is on.</summary>
    internal static int Lowest(Scorer[] scorers)
    {
        var first = NO_MORE_DOCS;
        foreach (var scorer in scorers) first = Math.Min(first, scorer.DocID);
        return first;
    }
}
