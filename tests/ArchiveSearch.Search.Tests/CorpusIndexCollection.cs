using TestSupport;

namespace ArchiveSearch.Search.Tests;

[CollectionDefinition(CorpusIndexFixture.Collection)]
public sealed class CorpusIndexCollection : ICollectionFixture<CorpusIndexFixture>;
