using System.Net;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Future's web server answered with an HTTP error status (after the retries, for a transient one).</summary>
public sealed class EdpFutureHttpException : EdpFutureException
{
    /// <summary>Creates the exception for a status.</summary>
    public EdpFutureHttpException(string operation, HttpStatusCode statusCode)
        : base(operation, $"EDP Future answered {operation} with HTTP {(int)statusCode} {statusCode}{Hint(statusCode)}.") =>
        StatusCode = statusCode;

    /// <summary>Creates the exception with a default message.</summary>
    public EdpFutureHttpException() : this("unknown", HttpStatusCode.InternalServerError) { }

    /// <summary>Creates the exception with a message.</summary>
    public EdpFutureHttpException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EdpFutureHttpException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <inheritdoc />
    public override bool IsTransient => EdpFutureStatusCodes.IsTransient(StatusCode);

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (check Username and Password of the instance)",
        HttpStatusCode.NotFound => " (check BaseUrl: it must be the address of the .svc)",
        _ when EdpFutureStatusCodes.IsTransient(status) => " (the service is down or overloaded; the poll is retried later)",
        _ => string.Empty,
    };
}
