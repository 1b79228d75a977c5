namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Future did not answer in time (on every attempt).</summary>
public sealed class EdpFutureTimeoutException : EdpFutureException
{
    /// <summary>Creates the exception for an operation and the per-attempt timeout.</summary>
    public EdpFutureTimeoutException(string operation, TimeSpan timeout, Exception? innerException = null)
        : base(operation, $"EDP Future did not answer {operation} within {timeout.TotalSeconds:0.#} seconds (TimeoutSeconds).", innerException) { }

    /// <summary>Creates the exception with a default message.</summary>
    public EdpFutureTimeoutException() : base("EDP Future did not answer in time.") { }

    /// <summary>Creates the exception with a message.</summary>
    public EdpFutureTimeoutException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EdpFutureTimeoutException(string message, Exception innerException) : base(message, innerException) { }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
