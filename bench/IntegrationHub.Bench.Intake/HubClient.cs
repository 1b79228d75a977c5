using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IntegrationHub.Bench.Intake;

/// <summary>The few calls the bench makes to the hub's HTTP API, over one pooled keep-alive client.</summary>
internal sealed class HubClient : IDisposable
{
    public const string Structured = "application/cloudevents+json";
    public const string Batch = "application/cloudevents-batch+json";

    private readonly HttpClient _http;

    public HubClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = 256,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", HubProcess.AdminKey);
    }

    /// <summary>Posts pre-encoded events; returns the sequences of the 202, and fails on anything else or on duplicates.</summary>
    public async Task<long[]> PostAsync(byte[] body, string contentType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await _http.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new BenchException($"POST /api/v1/events answered {(int)response.StatusCode}: {Snippet(bytes)}");
        }

        using var document = JsonDocument.Parse(bytes);
        var accepted = document.RootElement.GetProperty("accepted");
        var sequences = new long[accepted.GetArrayLength()];
        var i = 0;
        foreach (var item in accepted.EnumerateArray())
        {
            if (item.GetProperty("duplicate").GetBoolean())
            {
                throw new BenchException("The hub reported a duplicate; the bench's event ids should be unique.");
            }

            sequences[i++] = item.GetProperty("sequence").GetInt64();
        }

        return sequences;
    }

    /// <summary>Reads <paramref name="limit"/> feed items after <paramref name="after"/>: each sequence and whether it has its caseId.</summary>
    public async Task<IReadOnlyList<(long Sequence, bool Correlated)>> ReadFeedAsync(long after, int limit, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/events?after={after}&limit={limit}", UriKind.Relative), cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"GET /api/v1/events answered {(int)response.StatusCode}: {Snippet(bytes)}");
        }

        using var document = JsonDocument.Parse(bytes);
        var items = document.RootElement.GetProperty("items");
        var result = new List<(long, bool)>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            var correlated = item.TryGetProperty("caseId", out var caseId) && caseId.ValueKind == JsonValueKind.String;
            result.Add((item.GetProperty("sequence").GetInt64(), correlated));
        }

        return result;
    }

    /// <summary>
    /// Subscribes a webhook (structured mode) to every event of municipality 2281 from now on, whatever its
    /// classification; returns the subscription's id.
    /// </summary>
    public async Task<Guid> CreateWebhookSubscriptionAsync(string name, Uri url, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            municipality = "2281",
            name,
            filter = new { classificationCeiling = "restricted" },
            startFrom = "now",
            channel = new { kind = "webhook", webhook = new { url = url.ToString(), mode = "structured" } },
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri("/api/v1/subscriptions", UriKind.Relative), content, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new BenchException($"POST /api/v1/subscriptions answered {(int)response.StatusCode}: {Snippet(bytes)}");
        }

        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Deletes a subscription (and its delivery records).</summary>
    public async Task DeleteSubscriptionAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri($"/api/v1/subscriptions/{id}", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"DELETE /api/v1/subscriptions/{id} answered {(int)response.StatusCode}: {Snippet(await response.Content.ReadAsByteArrayAsync(cancellationToken))}");
        }
    }

    /// <summary>The hub's delivery counts of a push subscription (<c>GET …/delivery</c>).</summary>
    public async Task<DeliveryCounts> GetDeliveryCountsAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/subscriptions/{id}/delivery", UriKind.Relative), cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"GET /api/v1/subscriptions/{id}/delivery answered {(int)response.StatusCode}: {Snippet(bytes)}");
        }

        using var document = JsonDocument.Parse(bytes);
        var counts = document.RootElement.GetProperty("counts");
        long Count(string state) => counts.TryGetProperty(state, out var n) ? n.GetInt64() : 0;
        return new DeliveryCounts(Count("pending"), Count("failing"), Count("delivered"), Count("skipped"), Count("deadLettered"));
    }

    /// <summary>True when <c>/health</c> answers 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Snippet(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}
