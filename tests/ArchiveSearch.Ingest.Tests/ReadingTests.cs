using System.Text;
using TestSupport;

namespace ArchiveSearch.Ingest.Tests;

/// <summary>Encodings, line endings, bad files and JSONL.</summary>
public sealed class ReadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-tests-").FullName;

    static ReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A clean export as the newsletter makes it: header, contents first, one paragraph a line.</summary>
    private static string CleanExport(IReadOnlyList<Article> articles, string newline)
    {
        var date = articles[0].IssueDate!.Value;
        var lines = new List<string> { "内部参考 注意保存", "4.0 信息速报", $"第 {articles[0].Issue} 期", $"{date.Year} 年 {date.Month} 月 {date.Day} 日", "目录" };
        foreach (var section in articles.GroupBy(a => a.Section))
        {
            lines.Add(section.Key);
            lines.AddRange(section.Select((a, i) => $"{a.Title}.....\t{i + 1}"));
        }
        foreach (var section in articles.GroupBy(a => a.Section))
        {
            lines.Add(section.Key);
            foreach (var a in section)
            {
                lines.Add(a.Title);
                lines.AddRange(a.Body.Split('\n'));
                lines.Add($"（来源：{a.Source}）");
            }
        }
        return string.Join(newline, lines) + newline;
    }

    [Fact]
    public void A_clean_export_reads_the_same_in_gb18030_with_crlf_and_in_utf16_le_and_be()
    {
        var originals = CorpusReader.ReadFile(RepoPaths.CorpusFile("002"));
        var text = CleanExport(originals, "\r\n");
        var gb = Write("gb.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        var le = Write("le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.Replace("\r\n", "\n"))]);
        var be = Write("be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text.Replace("\r\n", "\r"))]);

        foreach (var path in new[] { gb, le, be })
        {
            var read = CorpusReader.ReadFile(path);
            read.Select(a => a with { Id = "" }).Should().BeEquivalentTo(
                originals.Select(a => a with { Id = "" }), o => o.WithStrictOrdering(), path);
        }
    }

    [Fact]
    public void Replacement_characters_left_by_a_cut_are_dropped_and_the_text_kept()
    {
        var originals = CorpusReader.ReadFile(RepoPaths.CorpusFile("002"));
        var text = CleanExport(originals, "\n").Replace("科技政策要落地要见效", "科技政策要落地要见\uFFFD效");

        var read = CorpusReader.ReadFile(Write("fffd.txt", Encoding.UTF8.GetBytes(text)));

        read.Should().AllSatisfy(a => (a.Title + a.Body).Should().NotContain("\uFFFD"));
        read[1].Body.Should().StartWith("科技政策要落地要见效");
    }

    [Fact]
    public void A_utf8_bom_is_accepted()
    {
        var bytes = File.ReadAllBytes(RepoPaths.CorpusFile("003"));
        var path = Write("bom.txt", [0xEF, 0xBB, 0xBF, .. bytes]);

        CorpusReader.ReadFile(path).Select(a => a.Title).Should()
            .Equal(CorpusReader.ReadFile(RepoPaths.CorpusFile("003")).Select(a => a.Title));
    }

    [Fact]
    public void A_binary_file_is_an_error_naming_it()
    {
        var path = Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var act = () => CorpusReader.ReadFile(path);

        act.Should().Throw<InvalidCorpusFileException>().Where(e => e.FilePath == path && e.Message.Contains(path));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0A, 0x20, 0x0A })]
    public void An_empty_file_is_an_error_naming_it(byte[] bytes)
    {
        var path = Write("empty.txt", bytes);

        var act = () => CorpusReader.ReadFile(path);

        act.Should().Throw<InvalidCorpusFileException>().Where(e => e.FilePath == path && e.Reason.Contains("empty"));
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_an_error_naming_the_file()
    {
        // 0xFF never starts a GB18030 character and is never valid in UTF-8.
        var path = Write("latin.txt", [.. Encoding.UTF8.GetBytes("政策法规\n"), 0xFF, 0xFF, 0x41, 0x0A]);

        var act = () => CorpusReader.ReadFile(path);

        act.Should().Throw<InvalidCorpusFileException>().Where(e => e.FilePath == path && e.Reason.Contains("decode"));
    }

    [Fact]
    public void Text_without_articles_is_an_error()
    {
        var path = Write("note.txt", Encoding.UTF8.GetBytes("just a note\n"));

        var act = () => CorpusReader.ReadFile(path);

        act.Should().Throw<InvalidCorpusFileException>().Where(e => e.FilePath == path);
    }

    [Fact]
    public void Jsonl_written_from_parsed_articles_reads_back_equal()
    {
        var originals = RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile).ToList();
        var path = Write("all.jsonl", Encoding.UTF8.GetBytes(string.Concat(originals.Select(a => ArticleJson.Serialize(a) + "\n"))));

        var read = CorpusReader.ReadFile(path);

        read.Should().BeEquivalentTo(originals, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Json_uses_camel_case_lowercase_date_source_plain_dates_and_unescaped_chinese()
    {
        var article = CorpusReader.ReadFile(RepoPaths.CorpusFile("002"))[7];

        var json = ArticleJson.Serialize(article);

        json.Should().StartWith("{\"id\":\"002-").And.Contain("\"issue\":\"43\"").And.Contain("\"issueDate\":\"2022-01-15\"")
            .And.Contain("\"date\":\"2021-12-22\"").And.Contain("\"dateSource\":\"article\"")
            .And.Contain("\"title\":\"镇江出台“十四五”制造业高质量发展系列规划\"").And.Contain("\"regions\":[")
            .And.Contain("\"body\":\"12月22日上午");
    }

    [Fact]
    public void A_bad_jsonl_line_is_an_error_naming_file_and_line()
    {
        var good = ArticleJson.Serialize(CorpusReader.ReadFile(RepoPaths.CorpusFile("004"))[0]);
        var path = Write("bad.jsonl", Encoding.UTF8.GetBytes(good + "\n" + good + "\n{\"id\":\"x\"}\n"));

        var act = () => CorpusReader.ReadFile(path);

        act.Should().Throw<InvalidCorpusFileException>().Where(e => e.FilePath == path && e.Reason.StartsWith("line 3:"));
    }
}
