namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// The state of an adapter's circuit breaker toward its far side, for the health API. The adapter's resilience pipeline
/// (Polly's circuit breaker OnOpened / OnHalfOpened / OnClosed) reports here; the hub only reads it.
/// </summary>
public sealed class CircuitMonitor
{
    private readonly Lock _lock = new();

    /// <summary>Closed (calls go through), Open (calls fail fast) or HalfOpen (one trial call).</summary>
    public CircuitState State { get; private set; } = CircuitState.Closed;

    /// <summary>When the circuit last opened.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    public void Opened(DateTimeOffset at)
    {
        lock (_lock)
        {
            State = CircuitState.Open;
            OpenedAt = at;
        }
    }

    public void HalfOpened()
    {
        lock (_lock)
        {
            State = CircuitState.HalfOpen;
        }
    }

    public void Closed()
    {
        lock (_lock)
        {
            State = CircuitState.Closed;
        }
    }
}

/// <summary>A circuit breaker's state.</summary>
public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
