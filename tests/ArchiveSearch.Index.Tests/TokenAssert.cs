using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArchiveSearch.Index.Tests;

/// <summary>
/// Lucene's own check of an analyzer (BaseTokenStreamTestCase.AssertAnalyzesTo, as its SmartCn tests use it): each
/// token's term, start and end offsets and position increment, no token more, and the final offset at the text's end.
/// </summary>
internal static class TokenAssert
{
    public static void AnalyzesTo(Analyzer analyzer, string input, string[] terms, int[] startOffsets, int[] endOffsets, int[] positionIncrements)
    {
        using var stream = analyzer.GetTokenStream("body", input);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var actual = new List<(string Term, int Start, int End, int Increment)>();
        while (stream.IncrementToken())
        {
            offset.StartOffset.Should().BeInRange(0, offset.EndOffset, "offsets of {0} in {1}", term, input);
            offset.EndOffset.Should().BeLessThanOrEqualTo(input.Length, "offsets of {0} in {1}", term, input);
            actual.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }
        stream.End();
        offset.EndOffset.Should().Be(input.Length, "the final offset of {0}", input);

        actual.Select(t => t.Term).Should().Equal(terms, input);
        actual.Select(t => t.Start).Should().Equal(startOffsets, "start offsets of {0}", input);
        actual.Select(t => t.End).Should().Equal(endOffsets, "end offsets of {0}", input);
        actual.Select(t => t.Increment).Should().Equal(positionIncrements, "position increments of {0}", input);
    }
}
