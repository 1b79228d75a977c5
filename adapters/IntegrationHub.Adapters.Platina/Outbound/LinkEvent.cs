using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>
/// The event that tells the hub "this case is now also Platina case X with diarienummer Y": the hub links both ids and
/// shows the diarienummer. Its id depends only on the Platina case, so a redelivery submits a duplicate the hub drops.
/// </summary>
internal static class LinkEvent
{
    public static CaseEvent Create(CaseSnapshot snapshot, string platinaCaseId, string? diarienummer, DateTimeOffset now)
    {
        var parsed = DiarienummerParser.Parse(diarienummer);
        return new CaseEvent
        {
            Id = PlatinaKeys.LinkedEventId(platinaCaseId),
            Source = PlatinaKeys.Source(snapshot.Municipality),
            Type = CaseEventTypes.StatusChanged,
            Time = now,
            Subject = PlatinaKeys.Subject(platinaCaseId),
            Municipality = snapshot.Municipality,
            DataClassification = snapshot.Classification,
            DataSchema = CaseEventAttributes.SchemaV1,
            Data = new CaseEventData
            {
                Case = new CaseRef
                {
                    HubCaseId = snapshot.CaseId,
                    SourceSystem = PlatinaKeys.SourceSystem,
                    SourceCaseId = PlatinaKeys.Cut(platinaCaseId, 200)!,
                    CaseNumber = parsed?.Value,
                    Diarienummer = parsed,
                    CaseType = snapshot.CaseType,
                },
                Event = new EventDetails
                {
                    Headline = PlatinaHeadlines.Linked,
                    Description = parsed is null ? null : $"Diarienummer i Platina: {parsed.Value}",
                    OccurredAt = now,
                    IsDiaryEvent = false,
                    Category = CustomerEventCategory.Information,
                },
            },
        };
    }
}
