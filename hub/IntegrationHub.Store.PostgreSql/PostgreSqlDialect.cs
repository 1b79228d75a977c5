using System.Data.Common;
using Dapper;
using IntegrationHub.Store.Relational;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// PostgreSQL's part of the shared store flow, in one schema. Sessions write concurrently under READ
/// COMMITTED, so the store takes locks held to the end of the transaction: an advisory lock per schema
/// serialises appends (commit order is then sequence order), an advisory lock per source id keeps two
/// sessions from creating or linking it twice, and row locks (<see cref="PostgreSqlRowLockCommands"/>)
/// make an upsert, link or relation either finish before a merge of its case or see the merge and
/// follow it to the survivor.
/// </summary>
internal sealed class PostgreSqlDialect(string quotedSchema, PostgreSqlLocks locks) : IStoreDialect
{
    public IStoreTypes Types => PostgreSqlTypes.Instance;

    public IStoreCommands Commands { get; } = new PostgreSqlCommands(quotedSchema);

    public IDiaryCommands Diary { get; } = new PostgreSqlDiaryCommands(quotedSchema);

    public ICaseLinkCommands Links { get; } = new PostgreSqlCaseLinkCommands(quotedSchema);

    public IRowLockCommands? RowLocks { get; } = new PostgreSqlRowLockCommands(quotedSchema);

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public bool IsForeignKeyViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    /// <summary>
    /// Identity values are drawn when the INSERT runs but become visible at commit; holding this lock to
    /// the end of the transaction makes commit order equal sequence order (at the price of one
    /// appending transaction at a time per schema).
    /// </summary>
    public Task LockAppendsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        TransactionLockAsync(connection, transaction, PostgreSqlLocks.AppendClass, locks.Key, cancellationToken);

    public Task LockSourceIdAsync(
        DbConnection connection, DbTransaction transaction, string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken) =>
        TransactionLockAsync(connection, transaction, PostgreSqlLocks.SourceIdClass, locks.SourceIdKey(municipality, sourceSystem, sourceCaseId), cancellationToken);

    private static async Task TransactionLockAsync(DbConnection connection, DbTransaction transaction, int lockClass, int lockKey, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            PostgreSqlCommands.TransactionLock, new { LockClass = lockClass, LockKey = lockKey }, transaction, cancellationToken: cancellationToken));
}
