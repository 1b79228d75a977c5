using System.Data.Common;
using System.Globalization;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// The diary writes of one session, in its transaction. Counter upserts keep their row locked (SQLite:
/// the session holds the only write lock) until the transaction ends, so concurrent sessions take turns,
/// get consecutive numbers, and a rollback gives a number back.
/// </summary>
internal sealed class RelationalDiarySession(RelationalStoreSession session) : IDiarySession
{
    private IDiaryCommands Commands => session.Dialect.Diary;

    private IStoreTypes Types => session.Types;

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
            Commands.NextDocumentNumber, new { CaseId = Types.Id(caseId) }, cancellationToken));
        return number ?? throw new KeyNotFoundException($"There is no case {caseId} to number a document in.");
    }

    public async Task<Registration?> FindCaseRegistrationAsync(Guid caseId, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var found = await ReadRegistrationsAsync(Commands.SelectCaseRegistration, new { CaseId = Types.Id(caseId) }, cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<Registration?> FindByEventAsync(long eventSequence, CancellationToken cancellationToken)
    {
        session.ThrowIfCompleted();
        var found = await ReadRegistrationsAsync(Commands.SelectRegistrationByEvent, new { EventSequence = eventSequence }, cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task InsertAsync(Registration registration, CancellationToken cancellationToken)
    {
        DiaryRules.ValidateNew(registration);
        session.ThrowIfCompleted();
        try
        {
            await session.Connection.ExecuteAsync(session.Command(Commands.InsertRegistration, DiaryRows.Parameters(registration, Types), cancellationToken));
        }
        catch (DbException ex) when (session.Dialect.IsUniqueViolation(ex))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{registration.Diarienummer} (document {registration.DocumentNumber?.ToString(CultureInfo.InvariantCulture) ?? "none"}) is already registered: the numbers, the case registration of case {registration.CaseId} or the registration of event {registration.EventSequence} exist already."),
                ex);
        }
        catch (DbException ex) when (session.Dialect.IsForeignKeyViolation(ex))
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
        var corrected = DiaryRules.Correct(current, correction);
        await SaveChangeAsync(current, corrected, changedBy, reason, at, cancellationToken);
        return corrected;
    }

    public async Task<Registration> AnnulAsync(Guid registrationId, string reason, string changedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        session.ThrowIfCompleted();
        var current = await GetForUpdateAsync(registrationId, cancellationToken);
        var annulled = DiaryRules.Annul(current, reason);
        await SaveChangeAsync(current, annulled, changedBy, reason, at, cancellationToken);
        return annulled;
    }

    public async Task<Diarienummer> SetCaseDiarienummerAsync(Guid caseId, Diarienummer diarienummer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diarienummer);
        ArgumentException.ThrowIfNullOrWhiteSpace(diarienummer.Value, nameof(diarienummer));
        session.ThrowIfCompleted();
        var id = Types.Id(caseId);
        // The UPDATE locks the row (or re-checks it after a concurrent writer), so of two sessions only the first sets it.
        await session.Connection.ExecuteAsync(session.Command(Commands.SetCaseDiarienummer, new
        {
            CaseId = id,
            Diarienummer = diarienummer.Value,
            diarienummer.Series,
            diarienummer.Year,
            diarienummer.RunningNumber,
            Now = Types.Timestamp(session.Clock.GetUtcNow()),
        }, cancellationToken));
        var found = await session.Connection.QueryRowsAsync(
            session.Command(Commands.SelectCaseDiarienummer, new { CaseId = id }, cancellationToken),
            Types,
            row => RelationalRows.ReadDiarienummer(row) ?? throw new InvalidOperationException("The case still has no diarienummer after setting one."),
            cancellationToken);
        return found.FirstOrDefault() ?? throw new KeyNotFoundException($"There is no case {caseId} to give a diarienummer.");
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
            Id = Types.Id(conflict.Id),
            conflict.Municipality,
            CaseId = Types.Id(conflict.CaseId),
            conflict.EventSequence,
            conflict.SourceSystem,
            conflict.Existing,
            conflict.Claimed,
            DetectedAt = Types.Timestamp(conflict.DetectedAt),
        }, cancellationToken));
    }

    /// <summary>
    /// Reads a registration about to change, locked where the provider has row locks so that two
    /// changes of it run one after the other (a SQLite session already excludes every other writer).
    /// </summary>
    private async Task<Registration> GetForUpdateAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        var sql = session.Dialect.RowLocks?.SelectRegistrationForUpdate ?? Commands.SelectRegistration;
        var found = await ReadRegistrationsAsync(sql, new { Id = Types.Id(registrationId) }, cancellationToken);
        return found.SingleOrDefault() ?? throw new KeyNotFoundException($"There is no registration {registrationId}.");
    }

    /// <summary>Keeps the state before the change in the history, then writes the new one.</summary>
    private async Task SaveChangeAsync(Registration before, Registration after, string changedBy, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(session.Command(Commands.InsertHistory, new
        {
            RegistrationId = Types.Id(before.Id),
            before.Version,
            ChangedAt = Types.Timestamp(at),
            ChangedBy = changedBy,
            Reason = reason,
            Before = DiaryRules.ToJson(before),
        }, cancellationToken));
        var updated = await session.Connection.ExecuteAsync(session.Command(Commands.UpdateRegistration, DiaryRows.Parameters(after, Types), cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Registration {before.Id} changed while it was being changed; read it again.");
        }
    }

    private Task<List<Registration>> ReadRegistrationsAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        session.Connection.QueryRowsAsync(session.Command(sql, parameters, cancellationToken), Types, DiaryRows.ReadRegistration, cancellationToken);
}
