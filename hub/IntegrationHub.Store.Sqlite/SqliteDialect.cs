using System.Data.Common;
using IntegrationHub.Store.Relational;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// SQLite's part of the shared store flow. Write sessions begin with BEGIN IMMEDIATE and so hold the
/// database's only write lock from the start: appends are serialised and commit in sequence order,
/// and nothing another writer does can come between a look-up and the write that depends on it. So
/// there are no advisory or row locks to take.
/// </summary>
internal sealed class SqliteDialect : IStoreDialect
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.</summary>
    private static readonly int[] s_uniqueViolations = [2067, 1555];

    /// <summary>SQLITE_CONSTRAINT_FOREIGNKEY.</summary>
    private const int ForeignKeyViolation = 787;

    public static SqliteDialect Instance { get; } = new();

    public IStoreTypes Types => SqliteTypes.Instance;

    public IStoreCommands Commands { get; } = new SqliteCommands();

    public IDiaryCommands Diary { get; } = new SqliteDiaryCommands();

    public ICaseLinkCommands Links { get; } = new SqliteCaseLinkCommands();

    public IRowLockCommands? RowLocks => null;

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException sqlite && s_uniqueViolations.Contains(sqlite.SqliteExtendedErrorCode);

    public bool IsForeignKeyViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ForeignKeyViolation };

    public Task LockAppendsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LockSourceIdAsync(
        DbConnection connection, DbTransaction transaction, string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
