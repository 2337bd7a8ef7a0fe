using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>Corpus folders for rebuild tests: copies of the real issues, plus bad or bulky files.</summary>
internal static class TestCorpus
{
    public static string CopyOfRealCorpus(TempDirectory temp, string name = "corpus")
    {
        var dir = temp.Combine(name);
        Directory.CreateDirectory(dir);
        foreach (var file in RepoPaths.CorpusFiles)
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    /// <summary>A JSONL file of the real articles repeated under new ids: enough work to catch a rebuild midway.</summary>
    public static void AddBulk(string corpusDir, int copies)
    {
        var articles = RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile).ToList();
        using var writer = new StreamWriter(Path.Combine(corpusDir, "bulk.jsonl"));
        for (var copy = 0; copy < copies; copy++)
            foreach (var article in articles)
                writer.WriteLine(ArticleJson.Serialize(article with { Id = $"{article.Id}-copy{copy}" }));
    }
}
