using System.Globalization;
using System.Net;
using IntegrationHub.Adapters.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>
/// One instance's HTTP connection (basic authentication over the resilience pipeline over sockets), and the translation
/// of whatever went wrong into an <see cref="OpenEPlatformException"/> an administrator can act on. Response bodies are
/// never quoted: they may hold the citizen's answers.
/// </summary>
internal sealed class OpenEPlatformHttp(HttpClient http, string instance, OpenEPlatformOptions options, TimeProvider timeProvider)
{
    public string At { get; } = $"{OpenEPlatformOptions.Section}:{instance}";

    public OpenEPlatformOptions Options => options;

    /// <summary>Sends one request (retried in the pipeline, disposed afterwards) and reads the whole body within the per-attempt timeout.</summary>
    public async Task<HttpAnswer> SendAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var owned = request;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw Unreachable(operation, e);
        }

        using (response)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            byte[] body;
            try
            {
                // The pipeline's timeout covers the headers only: a stalled download must not hang the poll.
                body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw Unreachable(operation, e);
            }

            return new HttpAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet,
                body, RetryAfter.From(response.Headers, timeProvider));
        }
    }

    /// <summary>An unsuccessful answer that carries no SOAP fault.</summary>
    public OpenEPlatformException FromStatus(string operation, HttpAnswer answer)
    {
        var code = (int)answer.Status;
        var transient = OpenEPlatformStatusCodes.IsTransient(answer.Status, answer.MediaType);
        var message = answer.Status switch
        {
            HttpStatusCode.Unauthorized => $"Open ePlatform refused the integration user (401) while trying to {operation}: check {At}:Username and {At}:Password or {At}:PasswordFile.",
            HttpStatusCode.Forbidden => $"Open ePlatform did not allow user '{options.Username}' to {operation} (403): give the integration user access to the API and the flow family in Open ePlatform.",
            HttpStatusCode.NotFound => $"Open ePlatform has no such address or instance while trying to {operation} (404); check {At}:BaseUrl.",
            HttpStatusCode.TooManyRequests => $"Open ePlatform asks the adapter to slow down (429) while trying to {operation}.",
            _ when transient => $"Open ePlatform is unavailable ({code.ToString(CultureInfo.InvariantCulture)}) while trying to {operation}.",
            _ => $"Open ePlatform answered {code.ToString(CultureInfo.InvariantCulture)} while trying to {operation}.",
        };
        return new OpenEPlatformException(message, code, transient, null, answer.RetryAfter);
    }

    private OpenEPlatformException Unreachable(string operation, Exception e)
    {
        var message = e switch
        {
            BrokenCircuitException => $"Open ePlatform's circuit is open after repeated failures; calls to {operation} resume after {options.Resilience.BreakDuration}.",
            TimeoutRejectedException or OperationCanceledException =>
                $"Open ePlatform did not answer within {options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s while trying to {operation} ({At}:TimeoutSeconds).",
            HttpRequestException => $"Open ePlatform could not be reached at {options.BaseUrl} while trying to {operation}: {e.Message}",
            _ => $"Calling Open ePlatform to {operation} failed: {e.GetType().Name}.",
        };
        return new OpenEPlatformException(message, null, true, null, null, e);
    }
}
