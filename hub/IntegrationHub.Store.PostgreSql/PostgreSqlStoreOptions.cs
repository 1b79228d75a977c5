namespace IntegrationHub.Store.PostgreSql;

/// <summary>Where <see cref="PostgreSqlHubStore"/> keeps its tables.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>An Npgsql connection string (required).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema holding the store's tables, created by <see cref="PostgreSqlHubStore.MigrateAsync"/>.
    /// Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63
    /// characters. Default <c>ihub</c>.
    /// </summary>
    public string Schema { get; set; } = "ihub";
}
