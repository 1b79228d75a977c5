using IntegrationHub.Delivery.Email;
using IntegrationHub.Delivery.RabbitMq;
using IntegrationHub.Delivery.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery;

/// <summary>Registers the delivery channels: webhook, RabbitMQ and citizen notification e-mail.</summary>
public static class DeliveryChannelServiceCollectionExtensions
{
    /// <summary>Adds every channel with its settings from <c>Hub:Delivery</c>, validated at start-up.</summary>
    public static IServiceCollection AddDeliveryChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddSingleton<OutboundAddressPolicy>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddHttpClient(WebhookChannel.HttpClientName, client =>
            {
                // Polly's timeout per endpoint decides; the client's own would cut a longer configured timeout short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("IntegrationHub-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A webhook goes where it was registered, never where a redirect points.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                // Every connection goes to an address the policy checked just now (DNS rebinding). A proxy would connect
                // to the target itself, unchecked, so none is used.
                ConnectCallback = provider.GetRequiredService<OutboundAddressPolicy>().ConnectAsync,
                UseProxy = false,
            });
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();

        services.AddOptions<RabbitMqOptions>()
            .Configure(o => configuration.GetSection($"{RabbitMqOptions.Section}:Brokers").Bind(o.Brokers))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
        services.AddSingleton(provider => new RabbitMqPublisher(provider.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Brokers));
        services.AddSingleton<IDeliveryChannel, RabbitMqChannel>();

        services.AddOptions<EmailNotificationOptions>().Bind(configuration.GetSection(EmailNotificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailNotificationOptions>, EmailNotificationOptionsValidator>();
        services.AddSingleton<NotificationRecipients>();
        services.AddSingleton<IDeliveryChannel, EmailNotificationChannel>();
        return services;
    }
}
