using System.Collections.Concurrent;
using ArchiveSearch.Index;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

public sealed class ServingGenerationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_generation_that_cannot_be_opened_is_logged_once_by_name_and_the_serving_one_keeps_answering()
    {
        var index = _temp.Combine("index");
        var served = IndexRebuilder.Rebuild(RepoPaths.Corpus, index).Generation;
        var log = new RecordingLogger();
        using var searcher = new ArchiveSearcher(index, pollInterval: TimeSpan.FromMilliseconds(20), logger: log);
        var expected = searcher.Search(new SearchRequest { Query = "常州" }).Total;

        // A generation half-copied by hand: the pointer names it, but it holds no Lucene index.
        var layout = new IndexLayout(index);
        var broken = layout.CreateGeneration();
        File.WriteAllText(Path.Combine(broken, "segments_1"), "not an index");
        layout.Publish(broken);
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (log.Entries.IsEmpty && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Thread.Sleep(200); // ten more polls, which must not log it again

        var entry = log.Entries.Should().ContainSingle().Which;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Message.Should().Contain(Path.GetFileName(broken)).And.Contain($"still serving {served}");
        entry.Exception.Should().BeAssignableTo<IOException>();
        searcher.Generation.Should().Be(served);
        searcher.Search(new SearchRequest { Query = "常州" }).Total.Should().Be(expected).And.BeGreaterThan(0);

        var next = IndexRebuilder.Rebuild(RepoPaths.Corpus, index).Generation;
        deadline = DateTime.UtcNow.AddSeconds(2);
        while (searcher.Generation != next && DateTime.UtcNow < deadline) Thread.Sleep(20);
        searcher.Generation.Should().Be(next, "a good generation published after the broken one is served");
    }

    private sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
