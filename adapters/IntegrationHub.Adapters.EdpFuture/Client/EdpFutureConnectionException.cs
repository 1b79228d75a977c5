namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Future could not be reached (connection refused, DNS, TLS), or the circuit is open after repeated failures.</summary>
public sealed class EdpFutureConnectionException : EdpFutureException
{
    /// <summary>Creates the exception for an operation.</summary>
    public EdpFutureConnectionException(string operation, bool circuitOpen, Exception? innerException = null)
        : base(operation, circuitOpen
            ? $"EDP Future is not called for {operation}: the circuit is open after repeated failures and is tried again shortly."
            : $"EDP Future could not be reached for {operation} (check BaseUrl and the network): {innerException?.Message}", innerException) =>
        CircuitOpen = circuitOpen;

    /// <summary>Creates the exception with a default message.</summary>
    public EdpFutureConnectionException() : base("EDP Future could not be reached.") { }

    /// <summary>Creates the exception with a message.</summary>
    public EdpFutureConnectionException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EdpFutureConnectionException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>True when the call was not made because the circuit breaker is open.</summary>
    public bool CircuitOpen { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
