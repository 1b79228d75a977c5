namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>
/// A call to EDP Future did not give a result. The message is written for an administrator and names the operation;
/// it never holds personal data sent in the request. The subtypes say why: <see cref="EdpFutureOperationException"/>
/// (Future answered succeeded=false), <see cref="EdpFutureFaultException"/> (a SOAP fault),
/// <see cref="EdpFutureHttpException"/> (an HTTP error status), <see cref="EdpFutureTimeoutException"/> and
/// <see cref="EdpFutureConnectionException"/> (no answer, or the circuit is open). The base type itself means the
/// answer could not be read.
/// </summary>
public class EdpFutureException : Exception
{
    /// <summary>Creates the exception for an operation.</summary>
    public EdpFutureException(string operation, string message, Exception? innerException = null)
        : base(message, innerException) => Operation = operation;

    /// <summary>Creates the exception with a default message.</summary>
    public EdpFutureException() : this("unknown", "EDP Future could not be called.") { }

    /// <summary>Creates the exception with a message.</summary>
    public EdpFutureException(string message) : this("unknown", message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EdpFutureException(string message, Exception innerException) : this("unknown", message, innerException) { }

    /// <summary>The Future operation, e.g. GetErrandsForCustomer.</summary>
    public string Operation { get; }

    /// <summary>True when a later attempt may succeed (timeouts, network errors, 5xx, an open circuit).</summary>
    public virtual bool IsTransient => false;
}
