namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>
/// Open ePlatform refused or failed a call. The message is written for an administrator and never holds personal data;
/// <see cref="IsTransient"/> says whether a later attempt may succeed.
/// </summary>
public sealed class OpenEPlatformException : Exception
{
    /// <summary>Creates the exception for an answer (or no answer) from the platform.</summary>
    public OpenEPlatformException(string message, int? statusCode, bool isTransient, string? fault = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        Fault = fault;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public OpenEPlatformException() : this("Open ePlatform could not be called.", null, true) { }

    /// <summary>Creates the exception with a message only.</summary>
    public OpenEPlatformException(string message) : this(message, null, true) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public OpenEPlatformException(string message, Exception innerException) : this(message, null, true, null, null, innerException) { }

    /// <summary>The HTTP status the platform answered, or null when it did not answer (timeout, network, open circuit).</summary>
    public int? StatusCode { get; }

    /// <summary>True for 5xx without a SOAP fault, 408, 429, timeouts, network errors and an open circuit.</summary>
    public bool IsTransient { get; }

    /// <summary>The SOAP fault's detail element (FlowInstanceNotFoundFault, AccessDeniedFault, StatusNotFoundFault), if any.</summary>
    public string? Fault { get; }

    /// <summary>The delay the platform asked for (Retry-After), if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
