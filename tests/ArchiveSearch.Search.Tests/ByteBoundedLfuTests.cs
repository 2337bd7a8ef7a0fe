namespace ArchiveSearch.Search.Tests;

/// <summary>The byte bound over BitFaster's count-bounded LFU: what it holds never weighs more than its bound.</summary>
public sealed class ByteBoundedLfuTests
{
    [Fact]
    public void Entries_larger_than_typical_are_trimmed_to_the_byte_bound_and_the_weight_follows_removals()
    {
        // Typical 10 bytes lets the count reach 100; entries of 50 bytes would reach 5,000 bytes by count alone.
        var cache = new ByteBoundedLfu<int, string>(1000, 10, static (_, value) => value.Length);
        for (var i = 0; i < 100; i++)
        {
            cache.Add(i, new string('x', 50));
            cache.Bytes.Should().BeLessThanOrEqualTo(1000, $"after {i + 1} additions");
        }
        cache.Settle();
        cache.Bytes.Should().Be(cache.Count * 50L, "the weight is the sum of what is held");
        cache.Count.Should().BeInRange(1, 20);
        cache.Evictions.Should().BeGreaterThanOrEqualTo(80);

        cache.Clear();
        (cache.Count, cache.Bytes).Should().Be((0, 0L));
    }

    [Fact]
    public void An_entry_over_a_sixteenth_of_the_bound_is_not_kept_and_a_second_value_for_a_key_is_not_counted()
    {
        var cache = new ByteBoundedLfu<string, string>(1600, 10, static (_, value) => value.Length);
        cache.Add("large", new string('x', 101));
        cache.TryGet("large", out _).Should().BeFalse();

        var first = new string('a', 100);
        cache.Add("key", first);
        cache.Add("key", new string('b', 100));
        cache.TryGet("key", out var held).Should().BeTrue();
        held.Should().BeSameAs(first);
        cache.Bytes.Should().Be(100);
    }
}
