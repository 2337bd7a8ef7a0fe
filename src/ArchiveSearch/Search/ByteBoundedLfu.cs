using BitFaster.Caching;
using BitFaster.Caching.Lfu;

namespace ArchiveSearch.Search;

/// <summary>
/// BitFaster's ConcurrentLfu (W-TinyLFU: a key asked once is admitted only over a colder one, so one-off queries do not
/// flush the popular ones) bounded by estimated bytes as well as by count, as Solr bounds its caches by ramBytes.
/// BitFaster.Caching 2.6 cannot weigh entries, so this keeps the sum of the entries' weights from the cache's own
/// removal events and trims (least recently used first) while the sum is over the bound. The count bound, set from a
/// typical entry's size, is what normally evicts, by frequency; the byte bound holds when entries run larger.
/// </summary>
internal sealed class ByteBoundedLfu<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    /// <summary>No one entry takes more than this share of the bound, so the cache always holds several.</summary>
    private const int LargestShare = 16;

    private readonly ConcurrentLfu<TKey, TValue> _lfu;
    private readonly Func<TKey, TValue, long> _weigh;
    private readonly Lock _trimming = new();
    private long _bytes, _evictions;

    public ByteBoundedLfu(long maxBytes, long typicalBytes, Func<TKey, TValue, long> weigh)
    {
        MaxBytes = maxBytes;
        _weigh = weigh;
        _lfu = new ConcurrentLfu<TKey, TValue>((int)Math.Clamp(maxBytes / typicalBytes, 1, int.MaxValue));
        _lfu.Events.Value!.ItemRemoved += (_, removed) =>
        {
            Interlocked.Add(ref _bytes, -_weigh(removed.Key, removed.Value!));
            if (removed.Reason is ItemRemovedReason.Evicted or ItemRemovedReason.Trimmed) Interlocked.Increment(ref _evictions);
        };
    }

    public long MaxBytes { get; }

    /// <summary>The estimated bytes of the entries held (pending additions included).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public long Evictions => Interlocked.Read(ref _evictions);

    public int Count => _lfu.Count;

    public bool TryGet(TKey key, out TValue value) => _lfu.TryGet(key, out value!);

    /// <summary>Offers the value; it is kept unless another is already held for the key or it alone is too large.</summary>
    public void Add(TKey key, TValue value)
    {
        var weight = _weigh(key, value);
        if (weight > MaxBytes / LargestShare) return;
        if (!ReferenceEquals(_lfu.GetOrAdd(key, static (_, v) => v, value), value)) return;
        if (Interlocked.Add(ref _bytes, weight) <= MaxBytes) return;
        lock (_trimming)
            for (var left = _lfu.Count; Bytes > MaxBytes && left > 0; left--) _lfu.Trim(1);
    }

    public void Clear() => _lfu.Clear();

    /// <summary>Applies pending reads and writes, so <see cref="Count"/> is what the cache holds.</summary>
    public void Settle() => _lfu.DoMaintenance();
}
