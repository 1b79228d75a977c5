namespace IntegrationHub.Store.Diary;

/// <summary>Reads of the diary (committed data, own connections).</summary>
public interface IDiaryQueries
{
    /// <summary>One registration.</summary>
    Task<Registration?> GetRegistrationAsync(Guid registrationId, CancellationToken cancellationToken);

    /// <summary>A registration's earlier versions, oldest first.</summary>
    Task<IReadOnlyList<RegistrationChange>> GetHistoryAsync(Guid registrationId, CancellationToken cancellationToken);

    /// <summary>Registrations matching the query, by document date then diarienummer then löpnummer.</summary>
    Task<IReadOnlyList<Registration>> SearchAsync(DiaryQuery query, CancellationToken cancellationToken);

    /// <summary>A case's registrations, case registration first then by löpnummer.</summary>
    Task<IReadOnlyList<Registration>> GetCaseRegistrationsAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Reported conflicts of a municipality, newest first.</summary>
    Task<IReadOnlyList<DiaryConflict>> GetConflictsAsync(string municipality, CancellationToken cancellationToken);
}
