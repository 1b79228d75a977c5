using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host;

/// <summary>Chooses and registers the storage backend from <c>Hub:Storage</c>.</summary>
public static class HubStorageServiceCollectionExtensions
{
    /// <summary>Registers SQLite (default) or PostgreSQL, failing with a clear message on bad settings.</summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        StorageOptions options;
        try
        {
            options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new HubConfigurationException(
                $"{StorageOptions.Section} cannot be read: {e.Message} Hub:Storage:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.", e);
        }

        if (!Enum.IsDefined(options.Provider))
        {
            throw new HubConfigurationException($"Hub:Storage:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        var deliveryEnabled = Hub.Delivery.DeliveryOptions.IsEnabled(configuration);
        return options.Provider == StorageProvider.PostgreSql
            ? services.AddPostgreSqlBackend(options, deliveryEnabled)
            : services.AddSqliteBackend(options, deliveryEnabled);
    }
}
