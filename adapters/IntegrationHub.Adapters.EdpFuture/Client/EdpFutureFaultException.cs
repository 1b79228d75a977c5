namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Future answered with a SOAP fault (an error inside the service, a request it could not read). Not retried.</summary>
public sealed class EdpFutureFaultException : EdpFutureException
{
    /// <summary>Creates the exception from the fault's code and text.</summary>
    public EdpFutureFaultException(string operation, string? faultCode, string? faultString)
        : base(operation, $"EDP Future answered {operation} with a SOAP fault ({faultCode ?? "no code"}): {faultString ?? "no text"}.")
    {
        FaultCode = faultCode;
        FaultString = faultString;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public EdpFutureFaultException() : this("unknown", null, null) { }

    /// <summary>Creates the exception with a message.</summary>
    public EdpFutureFaultException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EdpFutureFaultException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The fault code, e.g. a:InternalServiceFault or s:Client.</summary>
    public string? FaultCode { get; }

    /// <summary>The fault text.</summary>
    public string? FaultString { get; }
}
