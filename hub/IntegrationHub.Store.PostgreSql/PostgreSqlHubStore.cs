using System.Data.Common;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Diary;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// The hub store in one PostgreSQL schema (default <c>ihub</c>). Appends are serialised per schema
/// by a transaction-scoped advisory lock so the feed's sequence order is also commit order;
/// reads run on their own pooled connections and see committed data only.
/// </summary>
public sealed class PostgreSqlHubStore : IHubStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlSettings _settings;
    private readonly PostgreSqlCommands _commands;
    private readonly PostgreSqlLocks _locks;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store; <paramref name="options"/> are validated here, with messages naming the option to fix.</summary>
    public PostgreSqlHubStore(PostgreSqlStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _settings = PostgreSqlSettings.From(options);
        _commands = new PostgreSqlCommands(_settings.QuotedSchema);
        _locks = PostgreSqlLocks.ForSchema(_settings.Schema);
        _dataSource = NpgsqlDataSource.Create(_settings.ConnectionString);
        _timeProvider = timeProvider;
        Diary = new PostgreSqlDiaryQueries(_dataSource, _commands.Diary);
        Links = new PostgreSqlCaseLinkQueries(_dataSource, _commands);
    }

    /// <inheritdoc />
    public IDiaryQueries Diary { get; }

    /// <inheritdoc />
    public ICaseLinkQueries Links { get; }

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema => _settings.Schema;

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        PostgreSqlMigrator.MigrateAsync(_dataSource, _settings, _commands, _locks, static _ => true, cancellationToken);

    /// <summary>Applies only the migrations <paramref name="include"/> accepts (by script name), e.g. to build an old schema in a test.</summary>
    internal Task MigrateAsync(Func<string, bool> include, CancellationToken cancellationToken) =>
        PostgreSqlMigrator.MigrateAsync(_dataSource, _settings, _commands, _locks, include, cancellationToken);

    /// <inheritdoc />
    public async Task<IStoreSession> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new PostgreSqlStoreSession(connection, transaction, ownsTransaction: true, _commands, _locks, _timeProvider);
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
        if (connection is not NpgsqlConnection npgsqlConnection)
        {
            throw new ArgumentException(
                $"The PostgreSQL store can only enlist in an {nameof(NpgsqlConnection)}, not a {connection.GetType().Name}.", nameof(connection));
        }

        if (transaction is not NpgsqlTransaction npgsqlTransaction)
        {
            throw new ArgumentException(
                $"The PostgreSQL store can only enlist in an {nameof(NpgsqlTransaction)}, not a {transaction.GetType().Name}.", nameof(transaction));
        }

        if (!ReferenceEquals(npgsqlTransaction.Connection, npgsqlConnection))
        {
            throw new ArgumentException("The transaction does not belong to the connection (or has already completed).", nameof(transaction));
        }

        return new PostgreSqlStoreSession(npgsqlConnection, npgsqlTransaction, ownsTransaction: false, _commands, _locks, _timeProvider);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadFeedAsync(long afterSequence, int limit, string? municipality, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var sql = municipality is null ? _commands.ReadFeed : _commands.ReadFeedOfMunicipality;
        return await PostgreSqlRows.ReadEventsAsync(
            connection,
            new CommandDefinition(sql, new { After = afterSequence, Limit = limit, Municipality = municipality }, cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(_commands.SelectLastSequence, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<StoredEvent?> GetEventAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var events = await PostgreSqlRows.ReadEventsAsync(
            connection, new CommandDefinition(_commands.SelectEvent, new { Sequence = sequence }, cancellationToken: cancellationToken), cancellationToken);
        return events.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<CaseRecord?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var cases = await PostgreSqlRows.ReadCasesAsync(
            connection, new CommandDefinition(_commands.SelectCaseById, new { Id = caseId }, cancellationToken: cancellationToken), cancellationToken);
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

        var sql = new StringBuilder(_commands.FindCasesBase);
        if (query.CaseNumber is not null)
        {
            sql.Append(PostgreSqlCommands.FindCasesByCaseNumber);
        }

        if (query.Diarienummer is not null)
        {
            sql.Append(PostgreSqlCommands.FindCasesByDiarienummer);
        }

        if (query.SourceSystem is not null || query.SourceCaseId is not null)
        {
            sql.Append(_commands.FindCasesBySourceStart);
            if (query.SourceSystem is not null)
            {
                sql.Append(PostgreSqlCommands.FindCasesBySourceSystem);
            }

            if (query.SourceCaseId is not null)
            {
                sql.Append(PostgreSqlCommands.FindCasesBySourceCaseId);
            }

            sql.Append(PostgreSqlCommands.FindCasesBySourceEnd);
        }

        sql.Append(PostgreSqlCommands.FindCasesOrder);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlRows.ReadCasesAsync(connection, new CommandDefinition(sql.ToString(), query, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetCaseTimelineAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlRows.ReadEventsAsync(
            connection, new CommandDefinition(_commands.CaseTimeline, new { CaseId = caseId }, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetPersonTimelineAsync(string municipality, PartyIdentity person, TimelinePage page, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page.Limit, nameof(page));
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new
        {
            Municipality = municipality,
            IdentityType = person.Type.ToString(),
            IdentityValue = person.Value,
            page.Offset,
            page.Limit,
        };
        return await PostgreSqlRows.ReadEventsAsync(
            connection, new CommandDefinition(_commands.PersonTimeline, parameters, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>Closes the store's connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the store's connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();
}
