
using Lucene.Net.Index;
using Lucene.Net.Store;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>The serving directory maps files as MMapDirectory does, without recording the clones of its inputs.</summary>
public sealed class ServingDirectoryTests : IDisposable
{
    private static readonly System.Reflection.FieldInfo Clones =
        typeof(ByteBufferIndexInput).GetField("clones", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Its_inputs_and_their_clones_are_untracked_where_MMapDirectorys_are_tracked()
    {
        var index = _temp.Combine("index");
        IndexRebuilder.Rebuild(TestCorpus.CopyOfRealCorpus(_temp), index);
        var generation = new IndexLayout(index).CurrentGeneration()!;
        using var serving = new ServingDirectory(generation);
        using var plain = new MMapDirectory(new DirectoryInfo(generation));
        var file = serving.ListAll().Where(f => f.EndsWith(".tim", StringComparison.Ordinal) || f.EndsWith(".cfs", StringComparison.Ordinal)).First();

        using var tracked = plain.OpenInput(file, IOContext.READ_ONCE);
        Clones.GetValue(tracked.Clone()).Should().NotBeNull("Lucene.Net's MMapDirectory tracks clones, which is the cost avoided");

        using var input = serving.OpenInput(file, IOContext.READ_ONCE);
        var clone = (IndexInput)input.Clone();
        Clones.GetValue(input).Should().BeNull();
        Clones.GetValue(clone).Should().BeNull();
        clone.ReadByte().Should().Be(((IndexInput)tracked.Clone()).ReadByte(), "the same bytes are mapped");

        // The whole index reads through it: every article is there.
        using var reader = DirectoryReader.Open(serving);
        reader.NumDocs.Should().Be(79);
    }
}
