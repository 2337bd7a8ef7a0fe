using TestSupport;
using Xunit.Abstractions;
namespace ArchiveSearch.Search.Tests;
[Collection(CorpusIndexFixture.Collection)]
public sealed class TmpDebug(CorpusIndexFixture index, ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        foreach (var q in new[] { "为什么要建概念验证中心", "概念验证中心孵化器", "科技金融保险", "产业集群政策", "数字经济新动态", "机器人人才缺口", "2024年机器人", "机器人" })
        {
            var r = index.Searcher.Search(new SearchRequest { Query = q, PageSize = 8, Snippets = false });
            output.WriteLine($"{q}: terms={string.Join(",", r.Query.Terms.Select(t => t.Text))} ignored={string.Join(",", r.Query.Ignored)} match={r.Query.Match} min={r.Query.MinimumMatch} dropped={string.Join(",", r.Query.Dropped)} years={string.Join(",", r.Query.Years)} places={string.Join(",", r.Query.Places)} total={r.Total}\n   note={r.Query.Note}");
            foreach (var h in r.Hits) output.WriteLine($"     {h.Score,7:F2} {h.Article.Title} {h.Article.Date}");
        }
    }
}
