using System.Reflection;
using Dapper;
using DbUp.Postgresql;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// Applies the embedded <c>Migrations/*.sql</c> scripts with DbUp, journalled in
/// <c>&lt;schema&gt;.schema_versions</c>, one transaction per script. A transaction-scoped advisory
/// lock (per schema) is held around the whole run, so when two processes start at once the
/// second waits and then finds the journal up to date.
/// </summary>
internal static class PostgreSqlMigrator
{
    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource,
        PostgreSqlSettings settings,
        PostgreSqlLocks locks,
        Func<string, bool> include,
        CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var lockTransaction = await lockConnection.BeginTransactionAsync(cancellationToken);
        await lockConnection.ExecuteAsync(new CommandDefinition(
            PostgreSqlCommands.TransactionLock,
            new { LockClass = PostgreSqlLocks.MigrationClass, LockKey = locks.Key },
            lockTransaction,
            cancellationToken: cancellationToken));
        // Outside the lock transaction: DbUp's journal lives in the schema and its connections must see it.
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition($"CREATE SCHEMA IF NOT EXISTS {settings.QuotedSchema}", cancellationToken: cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Given the schema, DbUp replaces $schema$ in the scripts by the quoted name (without it, DbUp
        // silently strips "$schema$." and the tables would land in the search_path).
        var result = PostgresqlExtensions.PostgresqlDatabase(new PostgresqlConnectionManager(dataSource), settings.Schema)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("Migrations/", StringComparison.Ordinal) && include(name))
            .JournalToPostgresqlTable(settings.Schema, "schema_versions")
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"PostgreSQL store migration '{result.ErrorScript?.Name ?? "(journal)"}' in schema '{settings.Schema}' failed: {result.Error?.Message}",
                result.Error);
        }

        // Releases the lock; nothing else was done in this transaction.
        await lockTransaction.CommitAsync(cancellationToken);
    }
}
