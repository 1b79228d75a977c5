using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Contract;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>
/// Turns what went wrong in a call into a <see cref="PlatinaException"/> an administrator can act on. Platina's problem
/// title and detail are quoted (the contract says they hold no personal data); request bodies never are.
/// </summary>
internal sealed class PlatinaErrors(string instance, PlatinaOptions options, TimeProvider timeProvider)
{
    private const int MaxQuoted = 300;

    private string At => $"{PlatinaOptions.Section}:{instance}";

    /// <summary>Runs a call, translating transport failures, timeouts and an open circuit.</summary>
    public async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        T result;
        try
        {
            result = await call();
        }
        catch (Exception e) when (e is not PlatinaException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Unreachable(operation, e);
        }

        if (result is IApiResponse response && response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Unreachable(operation, requestError);
        }

        return result;
    }

    /// <summary>Throws unless the raw response succeeded.</summary>
    public async Task EnsureSuccessAsync(string operation, HttpResponseMessage response, string notFound, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw FromStatus(operation, response.StatusCode, body, response.Headers, notFound);
        }
    }

    /// <summary>
    /// Reads a raw response's body within the per-attempt timeout: the pipeline's timeout covers the headers only, and a
    /// stalled download must not hang the poll.
    /// </summary>
    public async Task<byte[]> ReadBodyAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            return await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(operation, e);
        }
    }

    /// <summary>Throws unless the typed response succeeded.</summary>
    public void EnsureSuccess(string operation, IApiResponse response, string? notFound = null)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw FromStatus(operation, response.StatusCode ?? 0, Content(response), response.Headers, notFound);
        }
    }

    /// <summary>A 422 on a new case: name the case type or unit when Platina says which field it refused.</summary>
    public PlatinaException Unprocessable(IApiResponse response, NewPlatinaCase newCase)
    {
        var problem = Problem(Content(response));
        var fields = problem?.Errors?.Keys.ToList() ?? [];
        var said = Quote(problem);
        string message;
        if (fields.Exists(f => f.Equals("caseType", StringComparison.OrdinalIgnoreCase)))
        {
            message = $"Case type '{newCase.CaseType}' unknown in Platina (422): map it in {At}:Mapping:CaseTypes or set the rule's PlatinaCaseType.{said}";
        }
        else if (fields.Exists(f => f.Equals("unit", StringComparison.OrdinalIgnoreCase)))
        {
            message = $"Unit '{newCase.Unit}' unknown in Platina (422): set the rule's Unit in {At}:Outbound:Rules to a Platina unit id.{said}";
        }
        else
        {
            var named = fields.Count > 0 ? $" (fields: {string.Join(", ", fields)})" : string.Empty;
            message = $"Platina refused to create the case (422){named}.{said}";
        }

        return new PlatinaException(message, 422, false);
    }

    /// <summary>The body of an unsuccessful typed response.</summary>
    public static string? Content(IApiResponse response) => (response.Error as ApiException)?.Content;

    private PlatinaException FromStatus(string operation, HttpStatusCode status, string? body, HttpResponseHeaders? headers, string? notFound)
    {
        var code = (int)status;
        var said = Quote(Problem(body));
        var retryAfter = RetryAfter.From(headers, timeProvider);
        var message = status switch
        {
            HttpStatusCode.Unauthorized => $"Platina refused the API key (401): check {At}:ApiKey or {At}:ApiKeyFile{(options.Authentication == PlatinaAuthentication.ApiKey ? $" and the header name {At}:ApiKeyHeader ({options.ApiKeyHeader})" : string.Empty)}.",
            HttpStatusCode.Forbidden => $"Platina did not allow the API key to {operation} (403): ask Platina's administrator for that permission.",
            HttpStatusCode.NotFound => notFound ?? $"Platina could not find what was asked for while trying to {operation} (404).",
            HttpStatusCode.BadRequest => $"Platina refused the request to {operation} as malformed (400).",
            HttpStatusCode.UnprocessableEntity => $"Platina could not {operation} (422).",
            HttpStatusCode.TooManyRequests => $"Platina asks the adapter to slow down (429) while trying to {operation}.",
            _ when PlatinaStatusCodes.IsTransient(status) => $"Platina is unavailable ({code.ToString(CultureInfo.InvariantCulture)}) while trying to {operation}.",
            _ => $"Platina answered {code.ToString(CultureInfo.InvariantCulture)} while trying to {operation}.",
        };
        return new PlatinaException(message + said, code, PlatinaStatusCodes.IsTransient(status), retryAfter);
    }

    private PlatinaException Unreachable(string operation, Exception e)
    {
        var cause = Unwrap(e);
        var message = cause switch
        {
            BrokenCircuitException => $"Platina's circuit is open after repeated failures; calls to {operation} resume after {options.Resilience.BreakDuration}.",
            TimeoutRejectedException or TaskCanceledException or OperationCanceledException =>
                $"Platina did not answer within {options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s while trying to {operation} ({At}:TimeoutSeconds).",
            HttpRequestException => $"Platina could not be reached at {options.BaseUrl} while trying to {operation}: {cause.Message}",
            JsonException or ApiException => $"Platina answered the request to {operation} with JSON the adapter cannot read.",
            _ => $"Calling Platina to {operation} failed: {cause.GetType().Name}.",
        };
        var transient = cause is not (JsonException or ApiException);
        return new PlatinaException(message, null, transient, null, cause);
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is ApiRequestException { InnerException: { } inner })
        {
            e = inner;
        }

        return e is ApiException { InnerException: JsonException json } ? json : e;
    }

    private static PlatinaProblem? Problem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PlatinaProblem>(body, PlatinaJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Quote(PlatinaProblem? problem)
    {
        var text = string.Join(": ", new[] { problem?.Title, problem?.Detail }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length == 0)
        {
            return string.Empty;
        }

        return $" Platina says: {(text.Length > MaxQuoted ? text[..MaxQuoted] + "…" : text)}";
    }
}
