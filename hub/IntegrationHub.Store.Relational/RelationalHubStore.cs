using System.Data.Common;
using System.Text;
using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// What the relational hub stores share: sessions over the provider's connections and transactions,
/// and every read (on its own connection, committed data only). A provider adds how it opens
/// connections, begins transactions and migrates, and its dialect (SQL, column types, locks).
/// </summary>
public abstract class RelationalHubStore : IHubStore, Contents.IContentReferences
{
    private readonly IStoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    private protected RelationalHubStore(IStoreDialect dialect, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _dialect = dialect;
        _timeProvider = timeProvider;
        Diary = new RelationalDiaryQueries(OpenConnectionAsync, dialect);
        Links = new RelationalCaseLinkQueries(OpenConnectionAsync, dialect);
    }

    /// <inheritdoc />
    public IDiaryQueries Diary { get; }

    /// <inheritdoc />
    public ICaseLinkQueries Links { get; }

    /// <inheritdoc />
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<IStoreSession> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await BeginTransactionAsync(connection, cancellationToken);
            return new RelationalStoreSession(connection, transaction, ownsTransaction: true, _dialect, _timeProvider);
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
        ThrowIfForeign(connection, transaction);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction does not belong to the connection (or has already completed).", nameof(transaction));
        }

        return new RelationalStoreSession(connection, transaction, ownsTransaction: false, _dialect, _timeProvider);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadFeedAsync(long afterSequence, int limit, string? municipality, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var sql = municipality is null ? _dialect.Commands.ReadFeed : _dialect.Commands.ReadFeedOfMunicipality;
        return await ReadEventsAsync(sql, new { After = afterSequence, Limit = limit, Municipality = municipality }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.Commands.SelectLastSequence, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<StoredEvent?> GetEventAsync(long sequence, CancellationToken cancellationToken)
    {
        var events = await ReadEventsAsync(_dialect.Commands.SelectEvent, new { Sequence = sequence }, cancellationToken);
        return events.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<CaseRecord?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var cases = await ReadCasesAsync(_dialect.Commands.SelectCaseById, new { Id = _dialect.Types.Id(caseId) }, cancellationToken);
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

        var commands = _dialect.Commands;
        var sql = new StringBuilder(commands.FindCasesBase);
        if (query.CaseNumber is not null)
        {
            sql.Append(commands.FindCasesByCaseNumber);
        }

        if (query.Diarienummer is not null)
        {
            sql.Append(commands.FindCasesByDiarienummer);
        }

        if (query.SourceSystem is not null || query.SourceCaseId is not null)
        {
            sql.Append(commands.FindCasesBySourceStart);
            if (query.SourceSystem is not null)
            {
                sql.Append(commands.FindCasesBySourceSystem);
            }

            if (query.SourceCaseId is not null)
            {
                sql.Append(commands.FindCasesBySourceCaseId);
            }

            sql.Append(commands.FindCasesBySourceEnd);
        }

        sql.Append(commands.FindCasesOrder);
        return await ReadCasesAsync(sql.ToString(), query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetCaseTimelineAsync(Guid caseId, CancellationToken cancellationToken) =>
        await ReadEventsAsync(_dialect.Commands.CaseTimeline, new { CaseId = _dialect.Types.Id(caseId) }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> GetPersonTimelineAsync(string municipality, PartyIdentity person, TimelinePage page, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page.Limit, nameof(page));
        var parameters = new
        {
            Municipality = municipality,
            IdentityType = person.Type.ToString(),
            IdentityValue = person.Value,
            page.Offset,
            page.Limit,
        };
        return await ReadEventsAsync(_dialect.Commands.PersonTimeline, parameters, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Contents.ContentReference>> FindAsync(string sha256, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var events = await ReadEventsAsync(_dialect.Commands.SelectEventsByContent, new { Sha256 = sha256, Limit = limit }, cancellationToken);
        return [.. events.Select(e => new Contents.ContentReference(e.Sequence, e.Event.Municipality, e.Event.DataClassification, e.CaseId))];
    }

    /// <summary>Opens a connection of the provider's, ready for use.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins the transaction of an owned session, with whatever locking the provider's sessions start with.</summary>
    private protected abstract ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Throws the <see cref="ArgumentException"/> <see cref="Enlist"/> promises for another provider's connection or transaction.</summary>
    private protected abstract void ThrowIfForeign(DbConnection connection, DbTransaction transaction);

    /// <summary>
    /// <see cref="ThrowIfForeign(DbConnection, DbTransaction)"/> for a provider whose connections are
    /// <typeparamref name="TConnection"/> and transactions <typeparamref name="TTransaction"/>;
    /// <paramref name="canOnlyEnlistIn"/> starts the message, e.g. "The SQLite store can only enlist in a".
    /// </summary>
    private protected static void ThrowIfForeign<TConnection, TTransaction>(DbConnection connection, DbTransaction transaction, string canOnlyEnlistIn)
        where TConnection : DbConnection
        where TTransaction : DbTransaction
    {
        if (connection is not TConnection)
        {
            throw new ArgumentException($"{canOnlyEnlistIn} {typeof(TConnection).Name}, not a {connection.GetType().Name}.", nameof(connection));
        }

        if (transaction is not TTransaction)
        {
            throw new ArgumentException($"{canOnlyEnlistIn} {typeof(TTransaction).Name}, not a {transaction.GetType().Name}.", nameof(transaction));
        }
    }

    private async Task<List<StoredEvent>> ReadEventsAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await RelationalRows.ReadEventsAsync(connection, new CommandDefinition(sql, parameters, cancellationToken: cancellationToken), _dialect.Types, cancellationToken);
    }

    private async Task<List<CaseRecord>> ReadCasesAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await RelationalRows.ReadCasesAsync(connection, new CommandDefinition(sql, parameters, cancellationToken: cancellationToken), _dialect.Types, cancellationToken);
    }
}
