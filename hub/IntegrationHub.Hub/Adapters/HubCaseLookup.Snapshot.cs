using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Hub.Adapters;

/// <summary>A case as an outbound side needs it, assembled from the case record, its source ids and its timeline.</summary>
public sealed partial class HubCaseLookup
{
    /// <inheritdoc />
    public async Task<CaseSnapshot?> GetSnapshotAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(municipality, hubCaseId, cancellationToken) is not { } caseId
            || await store.GetCaseAsync(caseId, cancellationToken) is not { } record)
        {
            return null;
        }

        var sourceIds = await store.Links.GetSourceIdsAsync(caseId, cancellationToken);
        var timeline = await store.GetCaseTimelineAsync(caseId, cancellationToken);
        var documents = new List<Document>();
        var seenDocuments = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<Party> parties = [];
        var classification = record.Classification;
        foreach (var stored in timeline.OrderBy(e => e.Sequence))
        {
            var data = stored.Event.Data;
            if (data.Parties is { Count: > 0 } named)
            {
                parties = named;
            }

            if (stored.Event.DataClassification > classification)
            {
                classification = stored.Event.DataClassification;
            }

            // The same document can arrive twice (from two systems, or corrected): the first registration counts,
            // with the löpnummer the hub gave it.
            if (data.Document is { } document && seenDocuments.Add(document.DocumentId ?? $"seq-{stored.Sequence}"))
            {
                documents.Add(document.RunningNumber is null && stored.Registration?.DocumentNumber is { } number
                    ? document with { RunningNumber = number }
                    : document);
            }
        }

        return new CaseSnapshot(
            caseId,
            record.Municipality,
            [new SourceCaseRef(record.SourceSystem, record.SourceCaseId),
             .. sourceIds.Where(s => s.SourceSystem != record.SourceSystem || s.SourceCaseId != record.SourceCaseId)
                .Select(s => new SourceCaseRef(s.SourceSystem, s.SourceCaseId))],
            record.Title,
            record.CaseType,
            record.Diarienummer?.Value,
            record.Status is { } status ? JsonSerializer.Serialize(status, CaseEventJson.Options).Trim('"') : null,
            record.OpenedAt,
            classification,
            parties,
            documents);
    }
}
