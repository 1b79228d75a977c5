using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Sqlite.Helpers;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/*.sql</c> scripts with DbUp, journalled in <c>schema_versions</c>.
/// The whole run happens inside one BEGIN IMMEDIATE transaction on one connection: a second
/// process waits for the write lock, then finds the journal up to date; a failing script leaves
/// nothing half-applied.
/// </summary>
internal static class SqliteMigrator
{
    public static async Task MigrateAsync(SqliteConnectionFactory connections, Func<string, bool> include, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(connections.Settings.DatabaseFile) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        // WAL is a property of the file, set once here; readers then never block the writer.
        var mode = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite store: could not switch '{connections.Settings.DatabaseFile}' to WAL mode (it stays in '{mode}' mode); "
                + "another process may hold the file open, or its file system does not support WAL.");
        }

        // Raw BEGIN rather than BeginTransaction(): DbUp's commands carry no transaction object,
        // which Microsoft.Data.Sqlite only accepts when the transaction was not begun through it.
        await connection.ExecuteAsync(new CommandDefinition("BEGIN IMMEDIATE;", cancellationToken: cancellationToken));
        try
        {
            Upgrade(connection, include);
            await connection.ExecuteAsync(new CommandDefinition("COMMIT;", cancellationToken: CancellationToken.None));
        }
        catch
        {
            await RollBackAsync(connection);
            throw;
        }
    }

    private static async Task RollBackAsync(SqliteConnection connection)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("ROLLBACK;", cancellationToken: CancellationToken.None));
        }
        catch (SqliteException)
        {
            // Some errors (I/O, disk full) end the transaction themselves; the original error is what matters.
        }
    }

    private static void Upgrade(SqliteConnection connection, Func<string, bool> include)
    {
        using var shared = new SharedConnection(connection);
        var result = DeployChanges.To
            .SqliteDatabase(shared)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("Migrations/", StringComparison.Ordinal) && include(name))
            .JournalToSqliteTable("schema_versions")
            .WithoutTransaction()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"SQLite store migration '{result.ErrorScript?.Name ?? "(journal)"}' failed: {result.Error?.Message}", result.Error);
        }
    }
}
