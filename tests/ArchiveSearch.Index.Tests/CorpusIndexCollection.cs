using TestSupport;

namespace ArchiveSearch.Index.Tests;

[CollectionDefinition(CorpusIndexFixture.Collection)]
public sealed class CorpusIndexCollection : ICollectionFixture<CorpusIndexFixture>;
