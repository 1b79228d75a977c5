using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Hub.Diary.Numbering;
using IntegrationHub.Hub.Municipalities;
using IntegrationHub.Store;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Hub.Diary;

/// <summary>
/// The pipeline's diarisation step. For case types registered in a hub diary: the case gets its
/// diarienummer the first time it is opened or has a diary event, and each diary event gets a
/// document registration with its löpnummer; the numbers are written back onto the event. For
/// case types whose diary is a source system, and for unconfigured ones, the hub records the
/// diarienummer the events state. A case never gets two diarienummer: a different one is reported
/// as a conflict. Every step is idempotent, so a redelivered message registers nothing twice.
/// </summary>
public sealed class DiaryRegistrar(MunicipalityDirectory directory, TimeProvider timeProvider)
{
    /// <summary>Registers what the event requires in the session's transaction.</summary>
    public async Task RegisterAsync(IStoreSession session, StoredEvent stored, CaseRecord caseRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(caseRecord);
        var caseEvent = stored.Event;
        var claimed = caseEvent.Data.Case.Diarienummer;
        switch (directory.DiaryRuleFor(caseRecord.Municipality, caseRecord.CaseType))
        {
            case DiaryRule.HubDiary hub:
                await RegisterInHubDiaryAsync(session, stored, caseRecord, hub, cancellationToken);
                break;
            case DiaryRule.SourceDiary source when claimed is not null && caseEvent.Data.Case.SourceSystem == source.SourceSystem:
            case DiaryRule.Unconfigured when claimed is not null:
                var recorded = await session.Diary.SetCaseDiarienummerAsync(caseRecord.Id, WithParts(claimed), cancellationToken);
                await ReportIfDifferentAsync(session, stored, caseRecord, recorded.Value, cancellationToken);
                break;
            case DiaryRule.SourceDiary when caseRecord.Diarienummer is { } existing:
                await ReportIfDifferentAsync(session, stored, caseRecord, existing.Value, cancellationToken);
                break;
        }
    }

    private async Task RegisterInHubDiaryAsync(IStoreSession session, StoredEvent stored, CaseRecord caseRecord, DiaryRule.HubDiary hub, CancellationToken cancellationToken)
    {
        var caseEvent = stored.Event;
        var registersCase = caseEvent.Type == CaseEventTypes.Opened || caseEvent.Data.Event.IsDiaryEvent;
        var caseRegistration = await session.Diary.FindCaseRegistrationAsync(caseRecord.Id, cancellationToken);
        if (caseRegistration is null && !registersCase)
        {
            return;
        }

        caseRegistration ??= await RegisterCaseAsync(session, caseEvent, caseRecord, hub, cancellationToken);
        await ReportIfDifferentAsync(session, stored, caseRecord, caseRegistration.Diarienummer, cancellationToken);

        int? documentNumber = null;
        if (caseEvent.Data.Event.IsDiaryEvent)
        {
            var document = await session.Diary.FindByEventAsync(stored.Sequence, cancellationToken)
                ?? await RegisterDocumentAsync(session, stored, caseRegistration, cancellationToken);
            documentNumber = document.DocumentNumber;
        }

        await session.Diary.AnnotateEventAsync(stored.Sequence, caseRegistration.Diarienummer, documentNumber, cancellationToken);
    }

    private async Task<Registration> RegisterCaseAsync(IStoreSession session, CaseEvent caseEvent, CaseRecord caseRecord, DiaryRule.HubDiary hub, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var year = SwedishTime.DateOf(now).Year;
        var number = await session.Diary.NextRunningNumberAsync(caseRecord.Municipality, hub.Series, year, cancellationToken);
        var registration = new Registration
        {
            Id = Guid.CreateVersion7(now),
            Municipality = caseRecord.Municipality,
            Diary = hub.Series,
            CaseId = caseRecord.Id,
            Diarienummer = hub.Format.Format(year, number),
            Year = year,
            RunningNumber = number,
            Kind = RegistrationKind.Case,
            RegisteredAt = now,
            DocumentDate = SwedishTime.DateOf(caseRecord.OpenedAt),
            Correspondent = RegistrationFacts.Correspondent(caseEvent, DocumentDirection.Incoming),
            Description = caseRecord.Title ?? caseEvent.Data.Case.Title ?? caseEvent.Data.Event.Headline,
            Restriction = RegistrationFacts.Restriction(caseEvent),
            Status = RegistrationStatus.Active,
            Version = 1,
        };
        await session.Diary.InsertAsync(registration, cancellationToken);
        await session.Diary.SetCaseDiarienummerAsync(caseRecord.Id, new Diarienummer(registration.Diarienummer, hub.Series, year, number), cancellationToken);
        return registration;
    }

    private async Task<Registration> RegisterDocumentAsync(IStoreSession session, StoredEvent stored, Registration caseRegistration, CancellationToken cancellationToken)
    {
        var caseEvent = stored.Event;
        var now = timeProvider.GetUtcNow();
        var direction = RegistrationFacts.Direction(caseEvent);
        var registration = caseRegistration with
        {
            Id = Guid.CreateVersion7(now),
            Kind = RegistrationKind.Document,
            DocumentNumber = await session.Diary.NextDocumentNumberAsync(caseRegistration.CaseId, cancellationToken),
            EventSequence = stored.Sequence,
            RegisteredAt = now,
            DocumentDate = RegistrationFacts.DocumentDate(caseEvent),
            Direction = direction,
            Correspondent = RegistrationFacts.Correspondent(caseEvent, direction),
            Description = RegistrationFacts.DocumentDescription(caseEvent),
            DocumentType = caseEvent.Data.Document?.DocumentType,
            Restriction = RegistrationFacts.Restriction(caseEvent),
            Status = RegistrationStatus.Active,
            AnnulmentReason = null,
            Version = 1,
        };
        await session.Diary.InsertAsync(registration, cancellationToken);
        return registration;
    }

    /// <summary>Fills in series, year and running number when the source sent the number only.</summary>
    private static Diarienummer WithParts(Diarienummer claimed) =>
        claimed.Year is null && DiarienummerReader.TryReadAny(claimed.Value, out var parts)
            ? claimed with { Series = claimed.Series ?? parts.Series, Year = parts.Year, RunningNumber = parts.RunningNumber }
            : claimed;

    private async Task ReportIfDifferentAsync(IStoreSession session, StoredEvent stored, CaseRecord caseRecord, string recorded, CancellationToken cancellationToken)
    {
        if (stored.Event.Data.Case.Diarienummer is { } claimed && !string.Equals(claimed.Value, recorded, StringComparison.Ordinal))
        {
            await session.Diary.RecordConflictAsync(new DiaryConflict(
                Guid.CreateVersion7(timeProvider.GetUtcNow()), caseRecord.Municipality, caseRecord.Id, stored.Sequence,
                stored.Event.Data.Case.SourceSystem, recorded, claimed.Value, timeProvider.GetUtcNow()), cancellationToken);
        }
    }
}
