using System.Text;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>A subscriber's webhook endpoint, simulated by WireMock.Net on loopback: answers as told and records every request.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public WebhookReceiver(int status = 200, TimeSpan? delay = null) => Answer(status, delay);

    /// <summary>The endpoint URL to subscribe with.</summary>
    public string Url => $"{_server.Urls[0]}/hook";

    /// <summary>From now on, every request gets this status (after the delay).</summary>
    public void Answer(int status, TimeSpan? delay = null, string? retryAfter = null)
    {
        _server.ResetMappings();
        var response = Response.Create().WithStatusCode(status);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        _server.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    /// <summary>The first <paramref name="failures"/> requests get <paramref name="status"/>, then every request 200.</summary>
    public void FailFirst(int failures, int status = 503)
    {
        _server.ResetMappings();
        var seen = 0;
        _server.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithCallback(_ =>
            new ResponseMessage { StatusCode = Interlocked.Increment(ref seen) <= failures ? status : 200 }));
    }

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedWebhook> Requests =>
        [.. _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(From)];

    /// <summary>The webhook ids of the requests that were answered 2xx, in arrival order.</summary>
    public IReadOnlyList<string> Accepted => [.. Requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.WebhookId)];

    public void Dispose() => _server.Stop();

    private static ReceivedWebhook From(ILogEntry entry)
    {
        var request = entry.RequestMessage;
        var headers = request.Headers?.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal) ?? [];
        return new ReceivedWebhook(headers, request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty),
            entry.ResponseMessage?.StatusCode is int status ? status : int.TryParse(entry.ResponseMessage?.StatusCode?.ToString(), out var parsed) ? parsed : 0);
    }
}

/// <summary>One request the receiver got, and the status it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status)
{
    public string WebhookId => Headers.GetValueOrDefault("webhook-id") ?? string.Empty;
}
