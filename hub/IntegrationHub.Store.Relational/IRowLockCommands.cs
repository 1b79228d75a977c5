namespace IntegrationHub.Store.Relational;

/// <summary>
/// Reads that lock what they read until the transaction ends, for providers whose writers run
/// concurrently (see <see cref="IStoreDialect.RowLocks"/>).
/// </summary>
internal interface IRowLockCommands
{
    /// <summary>The case @Id, locked because it is about to be changed.</summary>
    string SelectCaseByIdForUpdate { get; }

    /// <summary>The case @Id, locked only against changes of its key, because a new row is about to reference it.</summary>
    string SelectCaseByIdForKeyShare { get; }

    /// <summary>The registration @Id, locked so that two changes of it run one after the other.</summary>
    string SelectRegistrationForUpdate { get; }

    /// <summary>Both cases of a merge (@SurvivorId, @MergedId), locked in an order that keeps two merges from waiting for each other in a circle.</summary>
    string LockCasesForMerge { get; }
}
