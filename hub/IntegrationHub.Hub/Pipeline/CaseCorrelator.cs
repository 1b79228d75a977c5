using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Adapters;
using IntegrationHub.Store;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Hub.Pipeline;

/// <summary>
/// Keeps one picture of a case that several systems handle. Before the upsert: an event that names
/// a hub case (<c>data.case.hubCaseId</c>) links its source id to that case. After it: a collaboration's
/// originating case and target case become relations (the target is created as a skeleton when it
/// has sent nothing yet). Nothing ever joins two municipalities.
/// </summary>
public sealed class CaseCorrelator(HubCaseLookup cases)
{
    /// <summary>Links the event's source id to the hub case it names, when that case exists in the same municipality.</summary>
    public async Task LinkNamedHubCaseAsync(IStoreSession session, CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(caseEvent);
        if (caseEvent.Data.Case.HubCaseId is not { } named || await ResolveAsync(named, caseEvent.Municipality, cancellationToken) is not { } caseId)
        {
            return;
        }

        // A source id already owned by another case stays there: moving it would silently re-home
        // that case's events. Merging is an explicit decision (the link API).
        await session.Links.LinkSourceAsync(caseId, caseEvent.Data.Case.SourceSystem, caseEvent.Data.Case.SourceCaseId, "hubCaseId", cancellationToken);
    }

    /// <summary>Relates the case to the collaboration's originating and target cases.</summary>
    public async Task RelateAsync(IStoreSession session, long sequence, CaseEvent caseEvent, CaseRecord caseRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(caseEvent);
        ArgumentNullException.ThrowIfNull(caseRecord);
        if (caseEvent.Data.Collaboration is not { } collaboration)
        {
            return;
        }

        var kind = collaboration.Kind switch
        {
            CollaborationKind.Remiss => CaseRelationKind.ReferredTo,
            CollaborationKind.Uppdragsgivning => CaseRelationKind.AssignedTo,
            _ => CaseRelationKind.ForwardedTo,
        };
        if (collaboration.OriginatingCase is { } origin
            && await FindAsync(session, origin, caseEvent.Municipality, cancellationToken) is { } originId
            && originId != caseRecord.Id)
        {
            await session.Links.AddRelationAsync(new CaseRelation(originId, caseRecord.Id, kind, collaboration.CollaborationId, sequence), cancellationToken);
        }

        if (collaboration.TargetCase is { } target && SameMunicipality(collaboration, caseEvent))
        {
            var targetId = await FindAsync(session, target, caseEvent.Municipality, cancellationToken)
                ?? (await session.UpsertCaseAsync(Skeleton(sequence, caseEvent, target), cancellationToken)).Id;
            if (targetId != caseRecord.Id)
            {
                await session.Links.AddRelationAsync(new CaseRelation(caseRecord.Id, targetId, kind, collaboration.CollaborationId, sequence), cancellationToken);
            }
        }
    }

    private static bool SameMunicipality(Collaboration collaboration, CaseEvent caseEvent) =>
        collaboration.To.Municipality is null || collaboration.To.Municipality == caseEvent.Municipality;

    private static CaseUpsert Skeleton(long sequence, CaseEvent caseEvent, CaseLink target) => new()
    {
        Sequence = sequence,
        Municipality = caseEvent.Municipality,
        Case = new CaseRef { SourceSystem = target.SourceSystem, SourceCaseId = target.SourceCaseId, CaseNumber = target.CaseNumber, CaseType = caseEvent.Data.Case.CaseType },
        Classification = caseEvent.DataClassification,
        OccurredAt = caseEvent.Data.Event.OccurredAt,
    };

    private async Task<Guid?> FindAsync(IStoreSession session, CaseLink link, string municipality, CancellationToken cancellationToken) =>
        (link.HubCaseId is { } named ? await ResolveAsync(named, municipality, cancellationToken) : null)
        ?? await session.Links.FindCaseBySourceAsync(municipality, link.SourceSystem, link.SourceCaseId, cancellationToken);

    private Task<Guid?> ResolveAsync(Guid caseId, string municipality, CancellationToken cancellationToken) =>
        cases.ResolveAsync(municipality, caseId, cancellationToken);
}
