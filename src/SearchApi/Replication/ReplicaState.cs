namespace SearchApi.Replication;

/// <summary>What a replica last learnt about its primary; written by <see cref="ReplicaSync"/>, read by health and metrics.</summary>
public sealed class ReplicaState(TimeProvider clock)
{
    private readonly System.Threading.Lock _lock = new();
    private string? _primaryGeneration;
    private DateTimeOffset? _lastContact;
    private DateTimeOffset? _lastInSync;
    private bool _reachable;
    private bool _inSync;
    private string? _lastError;

    /// <summary>The primary answered with the generation it serves.</summary>
    public void Reached(string? primaryGeneration)
    {
        lock (_lock) (_primaryGeneration, _lastContact, _reachable) = (primaryGeneration, clock.GetUtcNow(), true);
    }

    /// <summary>The primary could not be reached; whatever this replica serves, it keeps serving.</summary>
    public void Unreachable(string error)
    {
        lock (_lock) (_reachable, _lastError) = (false, error);
    }

    public void Failed(string error)
    {
        lock (_lock) _lastError = error;
    }

    /// <summary>Whether the replica serves what the primary serves, as of now.</summary>
    public void Serving(string? generation)
    {
        lock (_lock)
        {
            _inSync = generation is not null && generation == _primaryGeneration;
            if (_inSync)
            {
                _lastInSync = clock.GetUtcNow();
                _lastError = null;
            }
        }
    }

    public ReplicaHealth Health(string primary)
    {
        lock (_lock)
            return new ReplicaHealth(primary, _primaryGeneration, _reachable, _inSync && _reachable,
                SecondsSince(_lastContact), _lastError);
    }

    /// <summary>Seconds since the replica last served the primary's generation; null before it ever did.</summary>
    public double? Lag
    {
        get
        {
            lock (_lock) return _inSync && _reachable ? 0 : SecondsSince(_lastInSync);
        }
    }

    public double? SecondsSinceContact
    {
        get
        {
            lock (_lock) return SecondsSince(_lastContact);
        }
    }

    private double? SecondsSince(DateTimeOffset? moment) =>
        moment is { } m ? Math.Round((clock.GetUtcNow() - m).TotalSeconds, 1) : null;
}
