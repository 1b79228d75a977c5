namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Future answered the call but reported a failure in its OperationResult (<c>_succeeded</c> false). Not retried.</summary>
public sealed class EdpFutureOperationException : EdpFutureException
{
    /// <summary>Creates the exception from Future's <c>_errorMessage</c>.</summary>
    public EdpFutureOperationException(string operation, string? errorMessage)
        : base(operation, $"EDP Future refused {operation}: {(string.IsNullOrWhiteSpace(errorMessage) ? "it gave no reason" : errorMessage.Trim())}.") =>
        ErrorMessage = errorMessage;

    /// <summary>Creates the exception with a default message.</summary>
    public EdpFutureOperationException() : this("unknown", (string?)null) { }

    /// <summary>Creates the exception with a message.</summary>
    public EdpFutureOperationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EdpFutureOperationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Future's own error text (<c>_errorMessage</c>), if it gave one.</summary>
    public string? ErrorMessage { get; }
}
