using System.Globalization;
using System.Net;
using System.Text.Json;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>One event of the hub's feed: its position, when the hub took it in, whether the pipeline registered it.</summary>
internal sealed record FeedEntry(long Sequence, DateTimeOffset ReceivedAt, bool Registered, string EventId, string? DocumentId, string? ReceivedVia);

/// <summary>One item of the registrator's inbox.</summary>
internal sealed record InboxEntry(long Sequence, string? ReceivedVia, bool Unparseable);

/// <summary>The adapter's own counts (<c>GET /api/v1/adapters/mailboxes</c>).</summary>
internal sealed record AdapterStatus(bool Connected, DateTimeOffset? LastConnectedAt, long Registered, long Duplicates, string? LastFailure, DateTimeOffset? LastFailureAt);

/// <summary>The hub's read APIs the bench uses, over one keep-alive client.</summary>
internal sealed class HubApi : IDisposable
{
    public const string Municipality = "2281";
    private const int FeedPage = 1000;

    private readonly HttpClient _http;

    public HubApi(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = 8,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", HubProcess.AdminKey);
    }

    /// <summary>Every event after <paramref name="after"/>, page by page.</summary>
    public async Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(long after, CancellationToken cancellationToken)
    {
        var result = new List<FeedEntry>();
        while (true)
        {
            using var document = await GetJsonAsync($"/api/v1/events?after={after.ToString(CultureInfo.InvariantCulture)}&limit={FeedPage.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            var items = document.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                var cloudEvent = item.GetProperty("event");
                var data = cloudEvent.TryGetProperty("data", out var d) ? d : default;
                result.Add(new FeedEntry(
                    item.GetProperty("sequence").GetInt64(),
                    item.GetProperty("receivedAt").GetDateTimeOffset(),
                    item.TryGetProperty("caseId", out var caseId) && caseId.ValueKind == JsonValueKind.String,
                    cloudEvent.GetProperty("id").GetString() ?? string.Empty,
                    Text(data, "document", "documentId"),
                    Text(data, "review", "receivedVia")));
            }

            if (items.GetArrayLength() < FeedPage)
            {
                return result;
            }

            after = result[^1].Sequence;
        }
    }

    /// <summary>One page of the registrator's inbox (every state), newest first, and the <c>next</c> to page on with.</summary>
    public async Task<(IReadOnlyList<InboxEntry> Items, long? Next)> ReadInboxAsync(long? before, int limit, CancellationToken cancellationToken)
    {
        var query = $"/api/v1/registrator/inbox?municipality={Municipality}&state=all&limit={limit.ToString(CultureInfo.InvariantCulture)}"
            + (before is { } b ? $"&before={b.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
        using var document = await GetJsonAsync(query, cancellationToken);
        var items = new List<InboxEntry>();
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            items.Add(new InboxEntry(
                item.GetProperty("sequence").GetInt64(),
                item.TryGetProperty("receivedVia", out var via) && via.ValueKind == JsonValueKind.String ? via.GetString() : null,
                item.GetProperty("flags").GetProperty("unparseable").GetBoolean()));
        }

        var next = document.RootElement.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt64() : (long?)null;
        return (items, next);
    }

    /// <summary>The whole inbox, paged with <c>next</c> 1 000 at a time.</summary>
    public async Task<IReadOnlyList<InboxEntry>> ReadWholeInboxAsync(CancellationToken cancellationToken)
    {
        var all = new List<InboxEntry>();
        long? before = null;
        do
        {
            var (items, next) = await ReadInboxAsync(before, 1000, cancellationToken);
            all.AddRange(items);
            before = next;
        }
        while (before is not null);
        return all;
    }

    /// <summary>The adapter's status of one mailbox, null when the hub does not list it.</summary>
    public async Task<AdapterStatus?> MailboxStatusAsync(string name, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync("/api/v1/adapters/mailboxes", cancellationToken);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.GetProperty("name").GetString() == name)
            {
                return new AdapterStatus(
                    item.GetProperty("connected").GetBoolean(),
                    Time(item, "lastConnectedAt"),
                    item.GetProperty("registered").GetInt64(),
                    item.GetProperty("duplicates").GetInt64(),
                    item.TryGetProperty("lastFailure", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
                    Time(item, "lastFailureAt"));
            }
        }

        return null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> GetJsonAsync(string relative, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(relative, UriKind.Relative), cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            throw new BenchException($"GET {relative} answered {(int)response.StatusCode}: {(text.Length > 400 ? text[..400] + "…" : text)}");
        }

        return JsonDocument.Parse(bytes);
    }

    private static string? Text(JsonElement data, string objectName, string property) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(objectName, out var o) && o.ValueKind == JsonValueKind.Object
            && o.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static DateTimeOffset? Time(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;
}
