using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Opens connections with the store's pragmas applied.</summary>
internal sealed class SqliteConnectionFactory(SqliteSettings settings)
{
    public SqliteSettings Settings { get; } = settings;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Pooled connections keep their pragmas, but setting them again is cheap and covers
            // connections someone else opened on the same pool with other settings.
            await connection.ExecuteAsync(new CommandDefinition(Settings.ConnectionPragmas, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
