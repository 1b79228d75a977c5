using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Adapters;
using IntegrationHub.Hub.Intake;
using IntegrationHub.Hub.Municipalities;
using IntegrationHub.Store;
using IntegrationHub.Store.Diary;
using IntegrationHub.Store.Review;

namespace IntegrationHub.Hub.Review;

/// <summary>
/// The registrator's actions on inbox items. Each one changes the diary and the item in one transaction and records
/// who did what, when; an action names the item version it expects, so two registrators cannot overwrite each other.
/// </summary>
public sealed class RegistratorReview(
    IHubStore store,
    IReviewStore reviews,
    HubCaseLookup cases,
    EventIntake intake,
    MunicipalityDirectory directory,
    TimeProvider timeProvider)
{
    /// <summary>The hub's own CloudEvents source for changes registrators make, per municipality.</summary>
    public static string Source(string municipality) => $"urn:integrationhub:registrator:{municipality}";

    /// <summary>Confirms the registration as it stands.</summary>
    public Task<ReviewItem> ConfirmAsync(long sequence, int? expectedVersion, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(sequence, expectedVersion, actor, "confirm", null, requirePending: true, (_, item, now, _) =>
            Task.FromResult(item with { State = ReviewState.Confirmed, DecidedAt = now, DecidedBy = actor }), cancellationToken);

    /// <summary>Annuls the registration (makulering), e.g. as of trivial importance (ringa betydelse), with a reason.</summary>
    public Task<ReviewItem> AnnulAsync(long sequence, int? expectedVersion, string actor, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(sequence, expectedVersion, actor, "annul", new { reason }, requirePending: true, async (session, item, now, ct) =>
        {
            var annulled = 0;
            foreach (var registration in await OwnRegistrationsAsync(session, item, ct))
            {
                await session.Diary.AnnulAsync(registration.Id, reason, actor, now, ct);
                annulled++;
            }

            return annulled == 0
                ? throw new ReviewException("Nothing of this item is registered in a hub diary, so there is nothing to annul here; annul it in the diary that registered it.")
                : item with { State = ReviewState.Annulled, DecidedAt = now, DecidedBy = actor };
        }, cancellationToken);

    /// <summary>Adds a sekretessmarkering to the item's registrations (the public diary then withholds sender and description).</summary>
    public Task<ReviewItem> MarkRestrictedAsync(long sequence, int? expectedVersion, string actor, RestrictionType type, string? legalReference, string? explanation, CancellationToken cancellationToken) =>
        ChangeAsync(sequence, expectedVersion, actor, "restrict", new { type, legalReference }, requirePending: false, async (session, item, now, ct) =>
        {
            var restriction = new RegistrationRestriction(type, legalReference, explanation, now, actor);
            var registrations = item.LinkedCaseId is { } linked
                ? [.. (await store.Diary.GetCaseRegistrationsAsync(linked, ct)).Where(r => r.DocumentNumber == item.DocumentNumber && r.Status == RegistrationStatus.Active)]
                : await OwnRegistrationsAsync(session, item, ct);
            if (registrations.Count == 0)
            {
                throw new ReviewException("Nothing of this item is registered in a hub diary, so there is no registration to mark.");
            }

            foreach (var registration in registrations)
            {
                await session.Diary.CorrectAsync(registration.Id, new RegistrationCorrection { Restriction = restriction }, actor, "Sekretessmarkering vid granskning", now, ct);
            }

            return item with { Restricted = true };
        }, cancellationToken);

    /// <summary>
    /// Routes the case to another unit and/or case type: the hub records a canonical event from the registrator
    /// (so every subscriber sees the change) and the case takes the new unit and case type. The diarienummer stays.
    /// </summary>
    public async Task<ReviewItem> ReclassifyAsync(long sequence, int? expectedVersion, string actor, OrganisationRef? unit, string? caseType, CancellationToken cancellationToken)
    {
        if (unit is null && caseType is null)
        {
            throw new ReviewException("Give a new unit (unit.id) or a new caseType, or both.", "unit", "required");
        }

        var current = await reviews.GetAsync(sequence, cancellationToken) ?? throw new KeyNotFoundException();
        if (caseType is not null && directory.CaseTypes(current.Municipality) is { Count: > 0 } known && !known.Contains(caseType))
        {
            throw new ReviewException($"The municipality has no case type '{caseType}'; use one of: {string.Join(", ", known)}.", "caseType", "known-case-type");
        }

        CheckVersion(current, expectedVersion);
        var original = current.Event!.Event;
        var now = timeProvider.GetUtcNow();
        var change = new CaseEvent
        {
            Id = $"review-{sequence}-{current.Version + 1}",
            Source = Source(current.Municipality),
            Type = CaseEventTypes.StatusChanged,
            Time = now,
            Municipality = current.Municipality,
            DataClassification = original.DataClassification,
            Data = new CaseEventData
            {
                Case = new CaseRef
                {
                    HubCaseId = current.CaseId,
                    SourceSystem = original.Data.Case.SourceSystem,
                    SourceCaseId = original.Data.Case.SourceCaseId,
                    Unit = unit,
                    CaseType = caseType,
                },
                Event = new EventDetails
                {
                    Headline = unit is not null ? "Ärendet har fördelats till rätt enhet" : "Ärendet har fått rätt ärendetyp",
                    OccurredAt = now,
                    IsDiaryEvent = false,
                },
            },
        };

        // The change is durable before the item says so; a retry of the same action is a duplicate event.
        await intake.SubmitAsync([change], cancellationToken);
        return await ChangeAsync(sequence, current.Version, actor, "reclassify", new { unit = unit?.Id, caseType }, requirePending: false, (_, item, _, _) =>
            Task.FromResult(item with { UnitId = unit?.Id ?? item.UnitId, UnitName = unit is null ? item.UnitName : unit.Name, CaseType = caseType ?? item.CaseType }),
            cancellationToken);
    }

    /// <summary>
    /// Registers the item's document on an existing case instead (under that case's diarienummer, with the next
    /// löpnummer), annuls its own registrations with a reason that names the case, and, when the item had opened a case
    /// of its own, merges that case into the existing one, so later mail about it (replies to the receipt) lands there.
    /// </summary>
    public async Task<ReviewItem> LinkAsync(long sequence, int? expectedVersion, string actor, Guid? caseId, string? diarienummer, CancellationToken cancellationToken)
    {
        var current = await reviews.GetAsync(sequence, cancellationToken) ?? throw new KeyNotFoundException();
        var target = caseId is { } id ? await cases.ResolveAsync(current.Municipality, id, cancellationToken)
            : diarienummer is { Length: > 0 } dnr ? await cases.FindByDiarienummerAsync(current.Municipality, dnr, cancellationToken)
            : throw new ReviewException("Give the existing case: caseId, or its diarienummer.", "caseId", "required");
        if (target is not { } targetId)
        {
            throw caseId is not null
                ? new ReviewException("There is no such case in this municipality.", "caseId", "known-case")
                : new ReviewException("No case of this municipality has that diarienummer.", "diarienummer", "known-diarienummer");
        }

        if (targetId == current.CaseId)
        {
            throw new ReviewException("The item is already registered on that case.", caseId is not null ? "caseId" : "diarienummer", "other-case");
        }

        return await ChangeAsync(sequence, expectedVersion, actor, "link", new { caseId = targetId }, requirePending: true, async (session, item, now, ct) =>
        {
            var targetRegistration = await session.Diary.FindCaseRegistrationAsync(targetId, ct)
                ?? throw new ReviewException("That case is not registered in a hub diary, so the hub cannot register the document on it.", caseId is not null ? "caseId" : "diarienummer", "registered-case");
            var own = await OwnRegistrationsAsync(session, item, ct);
            var document = own.FirstOrDefault(r => r.Kind == RegistrationKind.Document)
                ?? throw new ReviewException("The item has no document registration in a hub diary to move.");
            var moved = document with
            {
                Id = Guid.CreateVersion7(now),
                CaseId = targetId,
                Diary = targetRegistration.Diary,
                Diarienummer = targetRegistration.Diarienummer,
                Year = targetRegistration.Year,
                RunningNumber = targetRegistration.RunningNumber,
                DocumentNumber = await session.Diary.NextDocumentNumberAsync(targetId, ct),
                EventSequence = null,
                RegisteredAt = now,
                Status = RegistrationStatus.Active,
                AnnulmentReason = null,
                Version = 1,
            };
            await session.Diary.InsertAsync(moved, ct);
            var reason = $"Registrerad i ärende {moved.Diarienummer} som handling {moved.DocumentNumber}.";
            foreach (var registration in own)
            {
                await session.Diary.AnnulAsync(registration.Id, reason, actor, now, ct);
            }

            if (item.Event!.Event.Type == CaseEventTypes.Opened)
            {
                await session.Links.MergeCasesAsync(targetId, item.CaseId, ct);
            }

            await session.Diary.AnnotateEventAsync(sequence, moved.Diarienummer, moved.DocumentNumber, ct);
            return item with
            {
                State = ReviewState.Linked,
                LinkedCaseId = targetId,
                Diary = moved.Diary,
                Diarienummer = moved.Diarienummer,
                DocumentNumber = moved.DocumentNumber,
                DecidedAt = now,
                DecidedBy = actor,
            };
        }, cancellationToken);
    }

    private async Task<ReviewItem> ChangeAsync(
        long sequence, int? expectedVersion, string actor, string action, object? details, bool requirePending,
        Func<IStoreSession, ReviewItem, DateTimeOffset, CancellationToken, Task<ReviewItem>> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = timeProvider.GetUtcNow();
        await using (var session = await store.BeginAsync(cancellationToken))
        {
            var item = await reviews.LockAsync(session, sequence, cancellationToken) ?? throw new KeyNotFoundException();
            CheckVersion(item, expectedVersion);
            if (requirePending && item.State != ReviewState.Pending)
            {
                throw new ReviewException($"The item was already {Describe(item.State)} by {item.DecidedBy} at {item.DecidedAt:yyyy-MM-dd HH:mm}; reload it.");
            }

            var changed = await change(session, item, now, cancellationToken);
            var record = new ReviewAction(Guid.CreateVersion7(now), sequence, action, actor, now, details is null ? null : JsonSerializer.Serialize(details));
            if (!await reviews.UpdateAsync(session, changed with { Version = item.Version + 1 }, item.Version, record, cancellationToken))
            {
                throw new ReviewException("Someone changed the item at the same time; reload it and try again.");
            }

            await session.CommitAsync(cancellationToken);
        }

        return await reviews.GetAsync(sequence, cancellationToken) ?? throw new KeyNotFoundException();
    }

    /// <summary>The registrations the item's event made: its document, and the case registration when the event opened the case.</summary>
    private static async Task<IReadOnlyList<Registration>> OwnRegistrationsAsync(IStoreSession session, ReviewItem item, CancellationToken cancellationToken)
    {
        var found = new List<Registration>();
        if (await session.Diary.FindByEventAsync(item.EventSequence, cancellationToken) is { Status: RegistrationStatus.Active } document)
        {
            found.Add(document);
        }

        if (item.Event!.Event.Type == CaseEventTypes.Opened
            && await session.Diary.FindCaseRegistrationAsync(item.CaseId, cancellationToken) is { Status: RegistrationStatus.Active } caseRegistration)
        {
            found.Add(caseRegistration);
        }

        return found;
    }

    private static void CheckVersion(ReviewItem item, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != item.Version)
        {
            throw new ReviewException($"The item is at version {item.Version}, not {expected}: someone changed it; reload it.");
        }
    }

    private static string Describe(ReviewState state) => state switch
    {
        ReviewState.Confirmed => "confirmed",
        ReviewState.Annulled => "annulled",
        ReviewState.Linked => "registered on another case",
        _ => "handled",
    };
}
