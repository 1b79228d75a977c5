using System.Text.Json;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Builds events of one case step by step and posts them to a hub, waiting for the pipeline.</summary>
public sealed class Scenario(HttpClient client, string sourceSystem, string sourceCaseId, string caseType, string municipality = TestEvents.Municipality)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private int _step;

    public string SourceSystem => sourceSystem;

    public string SourceCaseId => sourceCaseId;

    /// <summary>An event of this case; <paramref name="change"/> adds the parts the type needs.</summary>
    public CaseEvent Event(string type, string headline, bool diaryEvent = false, Func<CaseEventData, CaseEventData>? change = null, int? day = null)
    {
        _step++;
        var occurredAt = Start.AddDays(day ?? _step);
        var data = new CaseEventData
        {
            Case = new CaseRef { SourceSystem = sourceSystem, SourceCaseId = sourceCaseId, CaseType = caseType, Title = type == CaseEventTypes.Opened ? $"Ärende {sourceCaseId}" : null },
            Event = new EventDetails { Headline = headline, OccurredAt = occurredAt, IsDiaryEvent = diaryEvent },
        };
        return new CaseEvent
        {
            Id = $"{sourceSystem}-{sourceCaseId}-{_step}-{Guid.NewGuid():N}",
            Source = $"urn:integrationhub:{sourceSystem}:{municipality}",
            Type = type,
            Time = occurredAt,
            Municipality = municipality,
            DataClassification = DataClassification.Internal,
            Data = change is null ? data : change(data),
        };
    }

    /// <summary>Posts events and waits until the pipeline has applied the last one to its case.</summary>
    public async Task<JsonElement> Post(params CaseEvent[] events)
    {
        var response = await client.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(events), "application/cloudevents-batch+json"));
        var body = await response.Json();
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The hub refused the events: {body}");
        }

        // Every one of them: on PostgreSQL several pipeline handlers run at once, so the last may be done before the first.
        var sequences = body.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("sequence").GetInt64()).ToHashSet();
        var first = sequences.Min();
        var last = sequences.Max();
        await Eventually.True(async () =>
        {
            var page = await (await client.GetAsync($"/api/v1/events?after={first - 1}&limit={last - first + 1}")).Json();
            return page.GetProperty("items").EnumerateArray()
                .Where(i => sequences.Contains(i.GetProperty("sequence").GetInt64()))
                .Count(i => i.TryGetProperty("caseId", out _)) == sequences.Count;
        }, $"events {first}–{last} to reach their cases");
        return body;
    }

    /// <summary>The hub case id of this scenario's case.</summary>
    public async Task<string> CaseId()
    {
        var found = await (await client.GetAsync($"/api/v1/cases?municipality={municipality}&sourceSystem={sourceSystem}&sourceCaseId={sourceCaseId}")).Json();
        return found[0].GetProperty("id").GetString()!;
    }

    /// <summary>GET /api/v1/cases/{id}.</summary>
    public async Task<JsonElement> Details() => await (await client.GetAsync($"/api/v1/cases/{await CaseId()}")).Json();

    /// <summary>GET /api/v1/cases/{id}/events.</summary>
    public async Task<List<JsonElement>> Timeline(bool includeSubCases = false) =>
        [.. (await (await client.GetAsync($"/api/v1/cases/{await CaseId()}/events?includeSubCases={includeSubCases}")).Json()).EnumerateArray()];

    public static Document IncomingDocument(string title, string sender) => new()
    {
        Direction = DocumentDirection.Incoming,
        Title = title,
        Date = Start,
        Sender = new Correspondent { Name = sender },
    };
}
