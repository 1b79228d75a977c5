using System.Globalization;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// The diary writes of one PostgreSQL session, in its transaction. Counter rows and corrected
/// registrations are row-locked until the transaction ends, so concurrent sessions take turns.
/// </summary>
internal sealed class PostgreSqlDiarySession(PostgreSqlStoreSession session) : IDiarySession
{
    private PostgreSqlDiaryCommands Commands => session.Commands.Diary;

    public async Task<int> NextRunningNumberAsync(string municipality, string diary, int year, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentException.ThrowIfNullOrWhiteSpace(diary);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(year);
        session.ThrowIfCompleted();
        return await session.Connection.ExecuteScalarAsync<int>(session.Command(
            Commands.NextRunningNumber, new { Municipality = municipality, Diary = diary, Year = year }, cancellationToken));
    }

    public async Task<int> NextDocumentNumberAsync(Guid caseId, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var number = await session.Connection.QuerySingleOrDefaultAsync<int?>(session.Command(
            Commands.NextDocumentNumber, new { CaseId = caseId }, cancellationToken));
        return number ?? throw new KeyNotFoundException($"There is no case {caseId} to number a document in.");
    }

    public async Task<Registration?> FindCaseRegistrationAsync(Guid caseId, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var found = await PostgreSqlDiaryRows.ReadRegistrationsAsync(
            session.Connection, session.Command(Commands.SelectCaseRegistration, new { CaseId = caseId }, cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<Registration?> FindByEventAsync(long eventSequence, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var found = await PostgreSqlDiaryRows.ReadRegistrationsAsync(
            session.Connection, session.Command(Commands.SelectRegistrationByEvent, new { EventSequence = eventSequence }, cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task InsertAsync(Registration registration, CancellationToken cancellationToken)
    {
        PostgreSqlDiaryRules.ValidateNew(registration);
        session.ThrowIfCompleted();
        try
        {
            await session.Connection.ExecuteAsync(session.Command(Commands.InsertRegistration, PostgreSqlDiaryRows.Parameters(registration), cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{registration.Diarienummer} (document {registration.DocumentNumber?.ToString(CultureInfo.InvariantCulture) ?? "none"}) is already registered: the numbers, the case registration of case {registration.CaseId} or the registration of event {registration.EventSequence} exist already."),
                ex);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
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
        var current = await GetForUpdateAsync(registrationId, cancellationToken);
        var corrected = PostgreSqlDiaryRules.Correct(current, correction);
        await SaveChangeAsync(current, corrected, changedBy, reason, at, cancellationToken);
        return corrected;
    }

    public async Task<Registration> AnnulAsync(Guid registrationId, string reason, string changedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        session.ThrowIfCompleted();
        var current = await GetForUpdateAsync(registrationId, cancellationToken);
        var annulled = PostgreSqlDiaryRules.Annul(current, reason);
        await SaveChangeAsync(current, annulled, changedBy, reason, at, cancellationToken);
        return annulled;
    }

    public async Task<Diarienummer> SetCaseDiarienummerAsync(Guid caseId, Diarienummer diarienummer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diarienummer);
        ArgumentException.ThrowIfNullOrWhiteSpace(diarienummer.Value, nameof(diarienummer));
        session.ThrowIfCompleted();
        // The UPDATE locks the row (or re-checks it after a concurrent writer), so of two sessions only the first sets it.
        await session.Connection.ExecuteAsync(session.Command(Commands.SetCaseDiarienummer, new
        {
            CaseId = caseId,
            Diarienummer = diarienummer.Value,
            diarienummer.Series,
            diarienummer.Year,
            diarienummer.RunningNumber,
            Now = session.Clock.GetUtcNow().ToUniversalTime(),
        }, cancellationToken));
        return await PostgreSqlDiaryRows.ReadCaseDiarienummerAsync(
                session.Connection, session.Command(Commands.SelectCaseDiarienummer, new { CaseId = caseId }, cancellationToken), cancellationToken)
            ?? throw new KeyNotFoundException($"There is no case {caseId} to give a diarienummer.");
    }

    public async Task AnnotateEventAsync(long eventSequence, string diarienummer, int? documentNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(diarienummer);
        session.ThrowIfCompleted();
        var updated = await session.Connection.ExecuteAsync(session.Command(
            Commands.AnnotateEvent, new { Sequence = eventSequence, Diarienummer = diarienummer, DocumentNumber = documentNumber }, cancellationToken));
        if (updated == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no event with sequence {eventSequence} to annotate."));
        }
    }

    public async Task RecordConflictAsync(DiaryConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        session.ThrowIfCompleted();
        await session.Connection.ExecuteAsync(session.Command(Commands.InsertConflict, new
        {
            conflict.Id,
            conflict.Municipality,
            conflict.CaseId,
            conflict.EventSequence,
            conflict.SourceSystem,
            conflict.Existing,
            conflict.Claimed,
            DetectedAt = conflict.DetectedAt.ToUniversalTime(),
        }, cancellationToken));
    }

    private async Task<Registration> GetForUpdateAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        var found = await PostgreSqlDiaryRows.ReadRegistrationsAsync(
            session.Connection, session.Command(Commands.SelectRegistrationForUpdate, new { Id = registrationId }, cancellationToken), cancellationToken);
        return found.SingleOrDefault() ?? throw new KeyNotFoundException($"There is no registration {registrationId}.");
    }

    /// <summary>Keeps the state before the change in the history, then writes the new one.</summary>
    private async Task SaveChangeAsync(Registration before, Registration after, string changedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(session.Command(Commands.InsertHistory, new
        {
            RegistrationId = before.Id,
            before.Version,
            ChangedAt = at.ToUniversalTime(),
            ChangedBy = changedBy,
            Reason = reason,
            Before = PostgreSqlDiaryRules.ToJson(before),
        }, cancellationToken));
        var updated = await session.Connection.ExecuteAsync(session.Command(Commands.UpdateRegistration, PostgreSqlDiaryRows.Parameters(after), cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Registration {before.Id} changed while it was being changed; read it again.");
        }
    }
}
