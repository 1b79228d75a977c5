using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Registers <see cref="PostgreSqlHubStore"/> as the <see cref="IHubStore"/>.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL store as a singleton <see cref="IHubStore"/> (and as itself; the
    /// container disposes its connection pool), its <see cref="Subscriptions.ISubscriptionStore"/> (also the deliveries,
    /// notification preferences, contents, adapter state and review inbox), and its <see cref="PostgreSqlSecurityStore"/>
    /// as both the <see cref="Security.IApiKeyStore"/> and the <see cref="Security.IAuditTrail"/> (one instance; the
    /// container disposes its connection pool too). The options are validated now, so a
    /// misconfiguration fails at start-up; <see cref="TimeProvider.System"/> is used unless a
    /// <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddPostgreSqlHubStore(this IServiceCollection services, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PostgreSqlStoreOptions();
        configure(options);
        _ = PostgreSqlSettings.From(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new PostgreSqlHubStore(options, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHubStore>(provider => provider.GetRequiredService<PostgreSqlHubStore>());
        services.AddSingleton<Contents.IContentReferences>(provider => provider.GetRequiredService<PostgreSqlHubStore>());
        services.AddSingleton(_ => new PostgreSqlSubscriptionStore(options));
        services.AddSingleton<Subscriptions.ISubscriptionStore>(provider => provider.GetRequiredService<PostgreSqlSubscriptionStore>());
        services.AddSingleton<Deliveries.IDeliveryStore>(provider => provider.GetRequiredService<PostgreSqlSubscriptionStore>());
        services.AddSingleton<Notifications.INotificationPreferences>(provider => provider.GetRequiredService<PostgreSqlSubscriptionStore>());
        services.AddSingleton<Contents.IContentRepository>(provider => provider.GetRequiredService<PostgreSqlSubscriptionStore>());
        services.AddSingleton<Adapters.IAdapterStateStore>(provider => provider.GetRequiredService<PostgreSqlSubscriptionStore>());
        services.AddSingleton<Review.IReviewStore>(provider => provider.GetRequiredService<PostgreSqlSubscriptionStore>());
        services.AddSingleton(_ => new PostgreSqlSecurityStore(options));
        services.AddSingleton<Security.IApiKeyStore>(provider => provider.GetRequiredService<PostgreSqlSecurityStore>());
        services.AddSingleton<Security.IAuditTrail>(provider => provider.GetRequiredService<PostgreSqlSecurityStore>());
        return services;
    }
}
