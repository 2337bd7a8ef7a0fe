using System.Text.Json;
using Indexer;
using TestSupport;

namespace ArchiveSearch.Ingest.Tests;

/// <summary>Runs <c>indexer parse</c> in process.</summary>
public sealed class ParseCommandTests
{
    [Fact]
    public void Parse_prints_one_json_object_per_article_for_the_whole_corpus()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = IndexerCli.Run(["parse", .. RepoPaths.CorpusFiles], output, error);

        exit.Should().Be(0);
        error.ToString().Should().BeEmpty();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(79);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        first.EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "issue", "issueDate", "section", "title", "source", "regions", "date", "dateSource", "body");
        first.GetProperty("section").GetString().Should().Be("政策法规");
    }

    [Fact]
    public void Parse_exits_1_naming_a_bad_file_and_prints_no_articles()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(bad, []);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = IndexerCli.Run(["parse", RepoPaths.CorpusFile("000"), bad], output, error);

            exit.Should().Be(1);
            error.ToString().Should().Contain(bad);
            output.ToString().Should().BeEmpty();
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
