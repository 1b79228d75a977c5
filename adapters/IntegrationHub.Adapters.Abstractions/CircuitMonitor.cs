using Polly.CircuitBreaker;

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

    /// <summary>
    /// Makes a Polly circuit breaker report its transitions here (its OnOpened, OnHalfOpened and OnClosed), so every
    /// adapter's client is watched the same way. Returns the options for <c>AddCircuitBreaker</c>.
    /// </summary>
    public CircuitBreakerStrategyOptions<T> Reporting<T>(CircuitBreakerStrategyOptions<T> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.OnOpened = _ =>
        {
            Opened(timeProvider.GetUtcNow());
            return ValueTask.CompletedTask;
        };
        options.OnHalfOpened = _ =>
        {
            HalfOpened();
            return ValueTask.CompletedTask;
        };
        options.OnClosed = _ =>
        {
            Closed();
            return ValueTask.CompletedTask;
        };
        return options;
    }

    /// <summary>The circuit opened at <paramref name="at"/>: calls fail fast.</summary>
    public void Opened(DateTimeOffset at)
    {
        lock (_lock)
        {
            State = CircuitState.Open;
            OpenedAt = at;
        }
    }

    /// <summary>One trial call is let through.</summary>
    public void HalfOpened()
    {
        lock (_lock)
        {
            State = CircuitState.HalfOpen;
        }
    }

    /// <summary>Calls go through again.</summary>
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
