namespace IntegrationHub.Host.Storage;

/// <summary>Configuration section <c>Hub:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Storage";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder for the SQLite database and other local state; relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Npgsql connection string, for <see cref="StorageProvider.PostgreSql"/>.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>PostgreSQL schema of the hub's tables.</summary>
    public string PostgreSqlSchema { get; set; } = "ihub";
}
