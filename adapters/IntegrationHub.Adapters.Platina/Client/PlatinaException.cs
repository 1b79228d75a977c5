namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>
/// Platina refused or failed a call. The message is written for an administrator ("Platina refused the API key (401)")
/// and never holds personal data; <see cref="IsTransient"/> says whether a later attempt may succeed.
/// </summary>
public sealed class PlatinaException : Exception
{
    /// <summary>Creates the exception for an answer (or no answer) from Platina.</summary>
    public PlatinaException(string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PlatinaException() : this("Platina could not be called.", null, true) { }

    /// <summary>Creates the exception with a message only.</summary>
    public PlatinaException(string message) : this(message, null, true) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public PlatinaException(string message, Exception innerException) : this(message, null, true, null, innerException) { }

    /// <summary>The HTTP status Platina answered, or null when it did not answer (timeout, network, open circuit).</summary>
    public int? StatusCode { get; }

    /// <summary>True for 5xx, 408, 429, timeouts, network errors and an open circuit: worth another attempt later.</summary>
    public bool IsTransient { get; }

    /// <summary>The delay Platina asked for (Retry-After), if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
