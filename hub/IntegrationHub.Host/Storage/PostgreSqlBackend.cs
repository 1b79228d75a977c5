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
            (t, _) => t.UsePostgreSql(connectionString, messages, DeliveryBus.InputQueue),
            deliveryEnabled,
            c => c.Outbox(x => x.StoreInPostgreSql(connectionString, $"{options.PostgreSqlSchema}_rebus_outbox")));
        return services;
    }
}
