using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>The documents a search matches, as a bit set of top-level doc ids.</summary>
internal sealed class DocSetCollector(int maxDoc) : ICollector
{
    private int _docBase;

    public FixedBitSet Docs { get; } = new(maxDoc);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Docs.Set(_docBase + doc);
}
