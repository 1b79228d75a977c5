using System.Data.Common;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>
/// A fresh, empty database (a new SQLite file, or a new PostgreSQL schema) for one test, and the
/// few provider-specific things the contract tests need from it. Disposing deletes it.
/// </summary>
public interface IStoreTestDatabase : IAsyncDisposable
{
    /// <summary>A new store object on this database; not migrated by this call.</summary>
    IHubStore OpenStore();

    /// <summary>The provider's subscription store on this database (it also keeps contents, adapter state and the review inbox).</summary>
    Relational.RelationalSubscriptionStore OpenSubscriptionStore();

    /// <summary>The provider's store of API keys and the audit log on this database.</summary>
    Relational.RelationalSecurityStore OpenSecurityStore();

    /// <summary>A table's name as SQL on a connection from <see cref="BeginForeignTransactionAsync"/> (schema-qualified where the provider has schemas).</summary>
    string QualifiedTable(string name);

    /// <summary>A new store object on this database that shares no open connection with earlier ones.</summary>
    Task<IHubStore> ReopenStoreAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection and transaction the way another component (e.g. the message transport) would.</summary>
    Task<(DbConnection Connection, DbTransaction Transaction)> BeginForeignTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Creates a table named <c>events</c> the store did not create, so its first migration fails.</summary>
    Task CreateForeignEventsTableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Returns once some writer waits for the append lock an open session holds, where the provider
    /// lets that be observed; otherwise at once (the provider's own tests prove the lock instead).
    /// </summary>
    Task WaitUntilAWriterWaitsAsync(CancellationToken cancellationToken);

    /// <summary>Applies the first migration only (<c>Migrations/0001_initial.sql</c>), as a database in the field that has not been upgraded yet.</summary>
    Task MigrateFirstScriptOnlyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes, with the version-1 schema's SQL, the event and the case it created (case id
    /// <paramref name="caseId"/>, linked to the event), as version 1 of the store did; returns the event's sequence.
    /// </summary>
    Task<long> SeedVersion1CaseAsync(CaseEvent caseEvent, Guid caseId, CancellationToken cancellationToken);
}
