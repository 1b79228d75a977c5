using IntegrationHub.Hub.DeadLetters;
using IntegrationHub.Hub.Delivery;
using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Messaging.Sqlite;
using IntegrationHub.Store.Sqlite;
using Rebus.Config;

namespace IntegrationHub.Host.Storage;

/// <summary>
/// The embedded default: the store and the Rebus queues share one SQLite file, so the intake's
/// append and its pipeline message, and a handler's writes and its outgoing messages, commit together.
/// </summary>
public static class SqliteBackend
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string DatabaseFileName = "hub.db";

    /// <summary>Registers the store, the transport and the transaction glue.</summary>
    public static IServiceCollection AddSqliteBackend(this IServiceCollection services, StorageOptions options, bool deliveryEnabled)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetFullPath(options.DataDirectory);
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HubConfigurationException(
                $"Hub:Storage:DataDirectory '{directory}' cannot be created or written to ({e.GetType().Name}). " +
                "Point it at a folder the hub's user may write, e.g. --Hub:Storage:DataDirectory=/var/lib/integrationhub.", e);
        }

        var databasePath = Path.Combine(directory, DatabaseFileName);
        services.AddSqliteHubStore(o => o.DatabasePath = databasePath);
        services.AddSingleton<IPipelineTransactions, SqlitePipelineTransactions>();
        services.AddSingleton<IDeadLetters>(new SqliteDeadLetters(databasePath));
        var connectionString = $"Data Source={databasePath}";
        services.AddHubBus(
            t => t.UseSqlite(new SqliteTransportOptions(connectionString), HubBus.InputQueue),
            // Lease mode: a delivery waits on the network without holding the file's single write lock.
            (t, delivery) => t.UseSqlite(new SqliteTransportOptions(connectionString) { LeaseDuration = delivery.LeaseDuration }, DeliveryBus.InputQueue),
            deliveryEnabled);
        return services;
    }
}
