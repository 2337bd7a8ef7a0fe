namespace SearchApi.Tests;

/// <summary>
/// Tests that start several SearchApi processes (and nginx): one at a time and not beside the other tests, so the
/// machine's two cores are not shared out among a dozen processes while a test counts seconds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
    public const string ReplicationKey = "test-replication-key";
}
