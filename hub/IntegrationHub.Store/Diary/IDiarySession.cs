using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Diary;

/// <summary>The diary writes of one store session (same transaction as the session's other writes).</summary>
public interface IDiarySession
{
    /// <summary>
    /// The next running number of (municipality, diary, year). Gap-free: the counter advances in this
    /// transaction, so a rollback gives the number back; concurrent sessions get distinct numbers.
    /// </summary>
    Task<int> NextRunningNumberAsync(string municipality, string diary, int year, CancellationToken cancellationToken);

    /// <summary>The next löpnummer for a document in the case's registration (1, 2, …), gap-free like the running number.</summary>
    Task<int> NextDocumentNumberAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>The case registration of a case, if it has one.</summary>
    Task<Registration?> FindCaseRegistrationAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>The registration an event caused, if any (makes registering an event idempotent).</summary>
    Task<Registration?> FindByEventAsync(long eventSequence, CancellationToken cancellationToken);

    /// <summary>Stores a new registration (version 1, active).</summary>
    Task InsertAsync(Registration registration, CancellationToken cancellationToken);

    /// <summary>Applies a correction: version +1, the previous state kept in the history.</summary>
    Task<Registration> CorrectAsync(Guid registrationId, RegistrationCorrection correction, string changedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Annuls with a reason: version +1, the previous state kept in the history. Annulling twice is refused.</summary>
    Task<Registration> AnnulAsync(Guid registrationId, string reason, string changedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets the case's diarienummer only if it has none; returns the diarienummer the case has afterwards.</summary>
    Task<Diarienummer> SetCaseDiarienummerAsync(Guid caseId, Diarienummer diarienummer, CancellationToken cancellationToken);

    /// <summary>Writes the assigned numbers back onto the stored event (shown on the event in every timeline).</summary>
    Task AnnotateEventAsync(long eventSequence, string diarienummer, int? documentNumber, CancellationToken cancellationToken);

    /// <summary>Reports a conflicting diarienummer (idempotent per event).</summary>
    Task RecordConflictAsync(DiaryConflict conflict, CancellationToken cancellationToken);
}
