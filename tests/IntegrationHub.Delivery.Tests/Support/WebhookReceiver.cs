using System.Text;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>A subscriber's webhook endpoint, simulated by WireMock.Net on loopback: answers as told and records every request.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    public const string HookPath = "/hook";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public WebhookReceiver() => Answer(200);

    /// <summary>The endpoint to subscribe with.</summary>
    public Uri Url => new(_server.Urls[0] + HookPath);

    /// <summary>The server's base address.</summary>
    public Uri BaseUrl => new(_server.Urls[0]);

    /// <summary>From now on every POST to the hook gets this status, after the delay, with the headers.</summary>
    public void Answer(int status, TimeSpan? delay = null, params (string Name, string Value)[] headers)
    {
        _server.ResetMappings();
        var response = Response.Create().WithStatusCode(status);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(delay is { } d ? response.WithDelay(d) : response);
    }

    /// <summary>Also answers <paramref name="path"/> (any method) with 200, e.g. as a redirect's target.</summary>
    public void AlsoAccept(string path) =>
        _server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200));

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Requests =>
        [.. _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(From)];

    /// <summary>Stops listening: from now on connections are refused.</summary>
    public void Stop() => _server.Stop();

    public void Dispose() => _server.Stop();

    private static ReceivedRequest From(ILogEntry entry)
    {
        var request = entry.RequestMessage;
        var headers = request.Headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new ReceivedRequest(request.Path, headers, request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? string.Empty));
    }
}

/// <summary>One request the receiver got.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>A header's value as sent, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
