namespace IntegrationHub.Store.Relational;

/// <summary>The row lock a read of a case takes where the provider has row locks (<see cref="IStoreDialect.RowLocks"/>).</summary>
internal enum CaseLock
{
    /// <summary>A plain read.</summary>
    None,

    /// <summary>The case is about to be changed.</summary>
    ForUpdate,

    /// <summary>A new row is about to reference the case.</summary>
    ForKeyShare,
}
