using IntegrationHub.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rebus.Config;

namespace IntegrationHub.Hub.Delivery;

/// <summary>Registers push delivery: the channels, the dispatcher and the delivery handler (the host adds the delivery bus).</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Adds delivery with its settings from <c>Hub:Delivery</c>, validated at start-up.</summary>
    public static IServiceCollection AddEventDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<DeliveryReplay>();
        services.AddSingleton<IDeliveryChannel, Adapters.AdapterSinkChannel>();
        services.AddHostedService<Adapters.AdapterSinkSubscriptions>();
        if (DeliveryOptions.IsEnabled(configuration))
        {
            services.AddHostedService(provider => provider.GetRequiredService<DeliveryDispatcher>());
        }

        services.AddDeliveryChannels(configuration);
        services.AddRebusHandler<EventDeliveryHandler>();
        return services;
    }
}
