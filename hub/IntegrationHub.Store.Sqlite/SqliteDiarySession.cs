using System.Globalization;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The diary writes of one SQLite session, in its transaction. The session holds SQLite's single
/// write lock, so numbers are handed out one session at a time and a rollback gives them back.
/// </summary>
internal sealed class SqliteDiarySession(SqliteStoreSession session) : IDiarySession
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.</summary>
    private static readonly int[] s_uniqueViolations = [2067, 1555];

    /// <summary>SQLITE_CONSTRAINT_FOREIGNKEY.</summary>
    private const int ForeignKeyViolation = 787;

    public async Task<int> NextRunningNumberAsync(string municipality, string diary, int year, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentException.ThrowIfNullOrWhiteSpace(diary);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(year);
        session.ThrowIfCompleted();
        return await session.Connection.ExecuteScalarAsync<int>(session.Command(
            SqliteDiaryCommands.NextRunningNumber, new { Municipality = municipality, Diary = diary, Year = year }, cancellationToken));
    }

    public async Task<int> NextDocumentNumberAsync(Guid caseId, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var number = await session.Connection.QuerySingleOrDefaultAsync<int?>(session.Command(
            SqliteDiaryCommands.NextDocumentNumber, new { CaseId = SqliteRows.Text(caseId) }, cancellationToken));
        return number ?? throw new KeyNotFoundException($"There is no case {caseId} to number a document in.");
    }

    public async Task<Registration?> FindCaseRegistrationAsync(Guid caseId, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var found = await SqliteDiaryRows.ReadRegistrationsAsync(
            session.Connection, session.Command(SqliteDiaryCommands.SelectCaseRegistration, new { CaseId = SqliteRows.Text(caseId) }, cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<Registration?> FindByEventAsync(long eventSequence, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var found = await SqliteDiaryRows.ReadRegistrationsAsync(
            session.Connection, session.Command(SqliteDiaryCommands.SelectRegistrationByEvent, new { EventSequence = eventSequence }, cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task InsertAsync(Registration registration, CancellationToken cancellationToken)
    {
        SqliteDiaryRules.ValidateNew(registration);
        session.ThrowIfCompleted();
        try
        {
            await session.Connection.ExecuteAsync(session.Command(SqliteDiaryCommands.InsertRegistration, SqliteDiaryRows.Parameters(registration), cancellationToken));
        }
        catch (SqliteException ex) when (s_uniqueViolations.Contains(ex.SqliteExtendedErrorCode))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{registration.Diarienummer} (document {registration.DocumentNumber?.ToString(CultureInfo.InvariantCulture) ?? "none"}) is already registered: the numbers, the case registration of case {registration.CaseId} or the registration of event {registration.EventSequence} exist already."),
                ex);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == ForeignKeyViolation)
        {
            throw new KeyNotFoundException($"There is no case {registration.CaseId} to register in.", ex);
        }
    }

    public async Task<Registration> CorrectAsync(
        Guid registrationId, RegistrationCorrection correction, string changedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        session.ThrowIfCompleted();
        var current = await GetAsync(registrationId, cancellationToken);
        var corrected = SqliteDiaryRules.Correct(current, correction);
        await SaveChangeAsync(current, corrected, changedBy, reason, at, cancellationToken);
        return corrected;
    }

    public async Task<Registration> AnnulAsync(Guid registrationId, string reason, string changedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        session.ThrowIfCompleted();
        var current = await GetAsync(registrationId, cancellationToken);
        var annulled = SqliteDiaryRules.Annul(current, reason);
        await SaveChangeAsync(current, annulled, changedBy, reason, at, cancellationToken);
        return annulled;
    }

    public async Task<Diarienummer> SetCaseDiarienummerAsync(Guid caseId, Diarienummer diarienummer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diarienummer);
        ArgumentException.ThrowIfNullOrWhiteSpace(diarienummer.Value, nameof(diarienummer));
        session.ThrowIfCompleted();
        var id = SqliteRows.Text(caseId);
        await session.Connection.ExecuteAsync(session.Command(SqliteDiaryCommands.SetCaseDiarienummer, new
        {
            CaseId = id,
            Diarienummer = diarienummer.Value,
            diarienummer.Series,
            diarienummer.Year,
            diarienummer.RunningNumber,
            Now = session.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken));
        return await SqliteDiaryRows.ReadCaseDiarienummerAsync(
                session.Connection, session.Command(SqliteDiaryCommands.SelectCaseDiarienummer, new { CaseId = id }, cancellationToken), cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case {caseId} to give a diarienummer.");
    }

    public async Task AnnotateEventAsync(long eventSequence, string diarienummer, int? documentNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(diarienummer);
        session.ThrowIfCompleted();
        var updated = await session.Connection.ExecuteAsync(session.Command(
            SqliteDiaryCommands.AnnotateEvent, new { Sequence = eventSequence, Diarienummer = diarienummer, DocumentNumber = documentNumber }, cancellationToken));
        if (updated == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no event with sequence {eventSequence} to annotate."));
        }
    }

    public async Task RecordConflictAsync(DiaryConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        session.ThrowIfCompleted();
        await session.Connection.ExecuteAsync(session.Command(SqliteDiaryCommands.InsertConflict, new
        {
            Id = SqliteRows.Text(conflict.Id),
            conflict.Municipality,
            CaseId = SqliteRows.Text(conflict.CaseId),
            conflict.EventSequence,
            conflict.SourceSystem,
            conflict.Existing,
            conflict.Claimed,
            DetectedAt = conflict.DetectedAt.ToUnixTimeMilliseconds(),
        }, cancellationToken));
    }

    private async Task<Registration> GetAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        var found = await SqliteDiaryRows.ReadRegistrationsAsync(
            session.Connection, session.Command(SqliteDiaryCommands.SelectRegistration, new { Id = SqliteRows.Text(registrationId) }, cancellationToken), cancellationToken);
        return found.SingleOrDefault() ?? throw new KeyNotFoundException($"There is no registration {registrationId}.");
    }

    /// <summary>Keeps the state before the change in the history, then writes the new one.</summary>
    private async Task SaveChangeAsync(Registration before, Registration after, string changedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(session.Command(SqliteDiaryCommands.InsertHistory, new
        {
            RegistrationId = SqliteRows.Text(before.Id),
            before.Version,
            ChangedAt = at.ToUnixTimeMilliseconds(),
            ChangedBy = changedBy,
            Reason = reason,
            Before = SqliteDiaryRules.ToJson(before),
        }, cancellationToken));
        var updated = await session.Connection.ExecuteAsync(session.Command(SqliteDiaryCommands.UpdateRegistration, SqliteDiaryRows.Parameters(after), cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Registration {before.Id} changed while it was being changed; read it again.");
        }
    }
}
