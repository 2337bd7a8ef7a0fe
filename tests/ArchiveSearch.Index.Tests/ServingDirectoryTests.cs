using ArchiveSearch.Ingest;
using Lucene.Net.Index;
using Lucene.Net.Store;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>
/// The serving directory reads a generation's files through a pointer into their mapping: every value as Lucene.Net's
/// own MMapDirectory reads it, the whole index as Lucene checks it, and nothing past a file's end.
/// </summary>
public sealed class ServingDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string CorpusGeneration()
    {
        var index = _temp.Combine("index");
        IndexRebuilder.Rebuild(TestCorpus.CopyOfRealCorpus(_temp), index);
        return new IndexLayout(index).CurrentGeneration()!;
    }

    [Fact]
    public void Every_file_reads_as_Lucene_s_own_mapped_directory_reads_it()
    {
        var generation = CorpusGeneration();
        using var serving = new ServingDirectory(generation);
        using var plain = new MMapDirectory(new DirectoryInfo(generation));
        var random = new Random(7);
        foreach (var file in serving.ListAll())
        {
            using var ours = serving.OpenInput(file, IOContext.READ_ONCE);
            using var theirs = plain.OpenInput(file, IOContext.READ_ONCE);
            ours.Length.Should().Be(theirs.Length, file);
            var bytes = new byte[ours.Length];
            ours.ReadBytes(bytes, 0, bytes.Length);
            var expected = new byte[theirs.Length];
            theirs.ReadBytes(expected, 0, expected.Length);
            bytes.Should().Equal(expected, file);

            // Every kind of value at places throughout the file, the last bytes included (where a vInt is read
            // byte by byte); a read that fails fails alike.
            for (var n = 0; n < 200 && ours.Length > 0; n++)
            {
                var at = n < 10 ? Math.Max(0, ours.Length - 1 - n) : random.NextInt64(ours.Length);
                foreach (var (kind, read) in new (string, Func<IndexInput, object>)[]
                {
                    ("byte", i => i.ReadByte()), ("int16", i => i.ReadInt16()), ("int32", i => i.ReadInt32()),
                    ("int64", i => i.ReadInt64()), ("vint32", i => i.ReadVInt32()), ("vint64", i => i.ReadVInt64()),
                })
                {
                    ours.Seek(at);
                    theirs.Seek(at);
                    var outcome = Outcome(() => read(ours));
                    outcome.Should().Be(Outcome(() => read(theirs)), $"{file}: {kind} at {at}");
                    // After a failed read Lucene.Net's input is left past its last buffer; ours has not moved.
                    if (outcome != "failed") ours.Position.Should().Be(theirs.Position, $"{file}: {kind} at {at}");
                }
            }
        }
    }

    /// <summary>A value read, or that the read went past the end (both raise an EndOfStreamException or an IOException).</summary>
    private static string Outcome(Func<object> read)
    {
        try
        {
            return read().ToString()!;
        }
        catch (IOException)
        {
            return "failed";
        }
    }

    [Fact]
    public void Lucene_finds_the_whole_index_sound_through_it()
    {
        using var serving = new ServingDirectory(CorpusGeneration());
        new CheckIndex(serving).DoCheckIndex().Clean.Should().BeTrue();
        using var reader = DirectoryReader.Open(serving);
        reader.NumDocs.Should().Be(79);
    }

    [Fact]
    public void A_compound_segment_reads_through_it()
    {
        var path = _temp.Combine("compound");
        using (var writing = FSDirectory.Open(path))
        using (var writer = new IndexWriter(writing, new IndexWriterConfig(ArchiveAnalyzers.Version, ArchiveAnalyzers.PerField)
            { UseCompoundFile = true }))
        {
            foreach (var (article, ordinal) in RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile).Take(5).Select((a, i) => (a, i)))
                writer.AddDocument(ArticleDocument.ToDocument(article, ordinal));
        }
        using var serving = new ServingDirectory(path);
        serving.ListAll().Should().Contain(f => f.EndsWith(".cfs", StringComparison.Ordinal));
        new CheckIndex(serving).DoCheckIndex().Clean.Should().BeTrue();
        using var reader = DirectoryReader.Open(serving);
        reader.NumDocs.Should().Be(5);
        reader.Document(4).Get(ArticleFields.Title).Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void A_clone_reads_on_its_own_and_nothing_is_read_past_the_end()
    {
        using var serving = new ServingDirectory(CorpusGeneration());
        var file = serving.ListAll().First(f => f.EndsWith(".tim", StringComparison.Ordinal));
        using var input = serving.OpenInput(file, IOContext.READ_ONCE);
        input.Seek(100);
        var clone = (IndexInput)input.Clone();
        clone.Position.Should().Be(100, "a clone starts where its input is");
        var first = clone.ReadInt64();
        input.Position.Should().Be(100, "reading a clone leaves its input where it was");
        input.ReadInt64().Should().Be(first);

        input.Seek(input.Length);
        input.Invoking(i => i.ReadByte()).Should().Throw<EndOfStreamException>().WithMessage($"*{file}*");
        input.Seek(input.Length - 3);
        input.Invoking(i => i.ReadInt32()).Should().Throw<EndOfStreamException>();
        input.Position.Should().Be(input.Length - 3, "a read that fails moves nothing");
        input.Invoking(i => i.Seek(input.Length + 1)).Should().Throw<EndOfStreamException>();
    }
}
