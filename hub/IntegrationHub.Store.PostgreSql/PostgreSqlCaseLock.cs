namespace IntegrationHub.Store.PostgreSql;

/// <summary>The row lock a read of a case takes, held until the transaction ends.</summary>
internal enum PostgreSqlCaseLock
{
    /// <summary>A plain read.</summary>
    None,

    /// <summary>FOR UPDATE: the case is about to be changed.</summary>
    ForUpdate,

    /// <summary>FOR KEY SHARE: a new row is about to reference the case.</summary>
    ForKeyShare,
}
