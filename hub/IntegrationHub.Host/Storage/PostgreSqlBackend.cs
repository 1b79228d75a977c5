using IntegrationHub.Hub.DeadLetters;
using IntegrationHub.Hub.Delivery;
using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Store.PostgreSql;
using Npgsql;
using Rebus.Config;
using Rebus.Config.Outbox;

namespace IntegrationHub.Host.Storage;

/// <summary>
/// Scale-out: several hub processes share one PostgreSQL database; Rebus.PostgreSql's table
/// queue makes them competing consumers and its outbox commits intake messages with the append.
/// </summary>
public static class PostgreSqlBackend
{
    /// <summary>Registers the store, the transport, the outbox and the transaction glue.</summary>
    public static IServiceCollection AddPostgreSqlBackend(this IServiceCollection services, StorageOptions options, bool deliveryEnabled)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.PostgreSqlConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new HubConfigurationException(
                "Hub:Storage:Provider is PostgreSql but Hub:Storage:PostgreSqlConnectionString is empty. Set it, e.g. " +
                "Hub__Storage__PostgreSqlConnectionString='Host=db.kommun.se;Database=ihub;Username=ihub;Password=…'.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new HubConfigurationException($"Hub:Storage:PostgreSqlConnectionString is not a valid Npgsql connection string: {e.Message}", e);
        }

        services.AddPostgreSqlHubStore(o =>
        {
            o.ConnectionString = connectionString;
            o.Schema = options.PostgreSqlSchema;
        });
        services.AddSingleton<IPipelineTransactions, PostgreSqlPipelineTransactions>();
        var messages = $"{options.PostgreSqlSchema}_rebus_messages";
        services.AddSingleton<IDeadLetters>(new PostgreSqlDeadLetters(connectionString, messages));
        services.AddHubBus(
            t => t.UsePostgreSql(connectionString, messages, HubBus.InputQueue),
            // Row locks (FOR UPDATE SKIP LOCKED) let deliveries wait on the network without blocking each other.
            (t, delivery) =>
            {
                CheckPoolFor(delivery, connectionString);
                t.UsePostgreSql(connectionString, messages, DeliveryBus.InputQueue);
            },
            deliveryEnabled,
            c => c.Outbox(x => x.StoreInPostgreSql(connectionString, $"{options.PostgreSqlSchema}_rebus_outbox")));
        return services;
    }

    /// <summary>
    /// Each delivery in flight holds two pooled connections (its receive transaction and the outbox's); the pipeline,
    /// the dispatcher and the API need some more. A pool too small for that stalls the whole hub, so refuse to start.
    /// </summary>
    private static void CheckPoolFor(DeliveryOptions delivery, string connectionString)
    {
        const int ForTheRest = 20;
        var pool = new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize;
        var needed = (2 * delivery.MaxParallelism) + ForTheRest;
        if (needed > pool)
        {
            throw new HubConfigurationException(
                $"Hub:Delivery:MaxParallelism is {delivery.MaxParallelism}, which needs {needed} database connections, but the pool of " +
                $"Hub:Storage:PostgreSqlConnectionString allows {pool}. Lower Hub:Delivery:MaxParallelism to at most {Math.Max(1, (pool - ForTheRest) / 2)}, " +
                $"or add 'Maximum Pool Size={needed}' to the connection string (and make sure the server's max_connections allows it).");
        }
    }
}
