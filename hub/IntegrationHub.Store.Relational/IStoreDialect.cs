using System.Data.Common;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// What one relational provider contributes to the shared store flow: its type mapping, its SQL,
/// how it reports constraint violations, and the locks it takes where its transactions alone do not
/// keep concurrent writers apart.
/// </summary>
internal interface IStoreDialect
{
    /// <summary>The provider's column types.</summary>
    IStoreTypes Types { get; }

    /// <summary>Events, cases and the person index.</summary>
    IStoreCommands Commands { get; }

    /// <summary>The diary.</summary>
    IDiaryCommands Diary { get; }

    /// <summary>Cross-system correlation.</summary>
    ICaseLinkCommands Links { get; }

    /// <summary>
    /// The statements that read rows and lock them until the transaction ends, or null when the
    /// provider has no row locks because a write session already excludes every other writer
    /// (SQLite's BEGIN IMMEDIATE): a row read there cannot change before the session ends.
    /// </summary>
    IRowLockCommands? RowLocks { get; }

    /// <summary>True when the error is a unique or primary-key violation.</summary>
    bool IsUniqueViolation(DbException exception);

    /// <summary>True when the error is a foreign-key violation.</summary>
    bool IsForeignKeyViolation(DbException exception);

    /// <summary>
    /// Makes appends commit in sequence order, held to the end of the transaction: otherwise a later
    /// sequence could commit first and a feed reader would move its cursor past the earlier one for good.
    /// </summary>
    Task LockAppendsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps other sessions from resolving or linking one source id until the transaction ends, so
    /// two sessions never create two cases for it, nor link it twice.
    /// </summary>
    Task LockSourceIdAsync(
        DbConnection connection, DbTransaction transaction, string municipality, string sourceSystem, string sourceCaseId, CancellationToken cancellationToken);
}
