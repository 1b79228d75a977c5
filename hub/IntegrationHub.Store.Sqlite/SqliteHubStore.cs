using System.Data.Common;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Diary;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// The hub store on one SQLite file: WAL mode, <c>synchronous=FULL</c> by default, foreign keys on,
/// one writer at a time (sessions begin with BEGIN IMMEDIATE), readers on their own short connections.
/// </summary>
public sealed class SqliteHubStore : IHubStore
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store; <paramref name="options"/> are validated here, with messages naming the option to fix.</summary>
    public SqliteHubStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connections = new SqliteConnectionFactory(SqliteSettings.From(options));
        _timeProvider = timeProvider;
        Diary = new SqliteDiaryQueries(_connections);
        Links = new SqliteCaseLinkQueries(_connections);
    }

    /// <inheritdoc />
    public IDiaryQueries Diary { get; }

    /// <inheritdoc />
    public ICaseLinkQueries Links { get; }

    /// <summary>The full path of the database file.</summary>
    public string DatabaseFile => _connections.Settings.DatabaseFile;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        SqliteMigrator.MigrateAsync(_connections, static _ => true, cancellationToken);

    /// <summary>Applies only the migrations <paramref name="include"/> accepts (by script name), e.g. to build an old schema in a test.</summary>
    internal Task MigrateAsync(Func<string, bool> include, CancellationToken cancellationToken) =>
        SqliteMigrator.MigrateAsync(_connections, include, cancellationToken);

    /// <inheritdoc />
    public async Task<IStoreSession> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await _connections.OpenAsync(cancellationToken);
        try
        {
            // deferred: false is BEGIN IMMEDIATE: take the write lock now, waiting up to the busy
            // timeout, instead of failing later when a read lock cannot be upgraded.
            var transaction = connection.BeginTransaction(deferred: false);
            return new SqliteStoreSession(connection, transaction, ownsTransaction: true, _timeProvider);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public IStoreSession Enlist(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (connection is not SqliteConnection sqliteConnection)
        {
            throw new ArgumentException(
                $"The SQLite store can only enlist in a {nameof(SqliteConnection)}, not a {connection.GetType().Name}.", nameof(connection));
        }

        if (transaction is not SqliteTransaction sqliteTransaction)
        {
            throw new ArgumentException(
                $"The SQLite store can only enlist in a {nameof(SqliteTransaction)}, not a {transaction.GetType().Name}.", nameof(transaction));
        }

        if (!ReferenceEquals(sqliteTransaction.Connection, sqliteConnection))
        {
            throw new ArgumentException("The transaction does not belong to the connection (or has already completed).", nameof(transaction));
        }

        return new SqliteStoreSession(sqliteConnection, sqliteTransaction, ownsTransaction: false, _timeProvider);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadFeedAsync(long afterSequence, int limit, string? municipality, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var sql = municipality is null ? SqliteCommands.ReadFeed : SqliteCommands.ReadFeedOfMunicipality;
        return await SqliteRows.ReadEventsAsync(
            connection,
            new CommandDefinition(sql, new { After = afterSequence, Limit = limit, Municipality = municipality }, cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqliteCommands.SelectLastSequence, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<StoredEvent?> GetEventAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var events = await SqliteRows.ReadEventsAsync(
            connection, new CommandDefinition(SqliteCommands.SelectEvent, new { Sequence = sequence }, cancellationToken: cancellationToken), cancellationToken);
        return events.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<CaseRecord?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var cases = await SqliteRows.ReadCasesAsync(
            connection, new CommandDefinition(SqliteCommands.SelectCaseById, new { Id = Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
        return cases.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CaseRecord>> FindCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        if (query.CaseNumber is null && query.Diarienummer is null && query.SourceSystem is null && query.SourceCaseId is null)
        {
            throw new ArgumentException("A case query needs a case number, a diarienummer or a source system and case id besides the municipality.", nameof(query));
        }

        var sql = new StringBuilder(SqliteCommands.FindCasesBase);
        if (query.CaseNumber is not null)
        {
            sql.Append(SqliteCommands.FindCasesByCaseNumber);
        }

        if (query.Diarienummer is not null)
        {
            sql.Append(SqliteCommands.FindCasesByDiarienummer);
        }

        if (query.SourceSystem is not null || query.SourceCaseId is not null)
        {
            sql.Append(SqliteCommands.FindCasesBySourceStart);
            if (query.SourceSystem is not null)
            {
                sql.Append(SqliteCommands.FindCasesBySourceSystem);
            }

            if (query.SourceCaseId is not null)
            {
                sql.Append(SqliteCommands.FindCasesBySourceCaseId);
            }

            sql.Append(SqliteCommands.FindCasesBySourceEnd);
        }

        sql.Append(SqliteCommands.FindCasesOrder);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await SqliteRows.ReadCasesAsync(connection, new CommandDefinition(sql.ToString(), query, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetCaseTimelineAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await SqliteRows.ReadEventsAsync(
            connection, new CommandDefinition(SqliteCommands.CaseTimeline, new { CaseId = Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetPersonTimelineAsync(string municipality, PartyIdentity person, TimelinePage page, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page.Limit, nameof(page));
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var parameters = new
        {
            Municipality = municipality,
            IdentityType = person.Type.ToString(),
            IdentityValue = person.Value,
            page.Offset,
            page.Limit,
        };
        return await SqliteRows.ReadEventsAsync(
            connection, new CommandDefinition(SqliteCommands.PersonTimeline, parameters, cancellationToken: cancellationToken), cancellationToken);
    }

    private static string Text(Guid id) => SqliteRows.Text(id);
}
