using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Registers <see cref="SqliteHubStore"/> as the <see cref="IHubStore"/>.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite store as a singleton <see cref="IHubStore"/> (and as itself), its
    /// <see cref="Subscriptions.ISubscriptionStore"/> (also the deliveries, notification preferences, contents,
    /// adapter state and review inbox), and its <see cref="SqliteSecurityStore"/> as both the
    /// <see cref="Security.IApiKeyStore"/> and the <see cref="Security.IAuditTrail"/> (one instance). The options
    /// are validated now, so a misconfiguration fails at start-up; <see cref="TimeProvider.System"/>
    /// is used unless a <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddSqliteHubStore(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteStoreOptions();
        configure(options);
        _ = SqliteSettings.From(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SqliteHubStore(options, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHubStore>(provider => provider.GetRequiredService<SqliteHubStore>());
        services.AddSingleton<Contents.IContentReferences>(provider => provider.GetRequiredService<SqliteHubStore>());
        var subscriptions = new SqliteSubscriptionStore(options);
        services.AddSingleton<Subscriptions.ISubscriptionStore>(subscriptions);
        services.AddSingleton<Deliveries.IDeliveryStore>(subscriptions);
        services.AddSingleton<Notifications.INotificationPreferences>(subscriptions);
        services.AddSingleton<Contents.IContentRepository>(subscriptions);
        services.AddSingleton<Adapters.IAdapterStateStore>(subscriptions);
        services.AddSingleton<Review.IReviewStore>(subscriptions);
        var security = new SqliteSecurityStore(options);
        services.AddSingleton<Security.IApiKeyStore>(security);
        services.AddSingleton<Security.IAuditTrail>(security);
        return services;
    }
}
