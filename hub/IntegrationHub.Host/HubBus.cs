using IntegrationHub.Hub.Delivery;
using IntegrationHub.Hub.Pipeline;
using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Retry.Simple;
using Rebus.Transport;

namespace IntegrationHub.Host;

/// <summary>
/// The hub's two Rebus buses, sharing one error queue: the pipeline's (default bus) and the delivery bus, whose input
/// queue holds one message per event and push subscription.
/// </summary>
public static class HubBus
{
    /// <summary>The pipeline's input queue.</summary>
    public const string InputQueue = "ihub-pipeline";

    /// <summary>Where messages go after their delivery attempts are used up (the dead-letter queue).</summary>
    public const string ErrorQueue = "ihub-error";

    /// <summary>Registers both buses with the given transports and the pipeline handlers.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="pipelineTransport">The pipeline queue's transport.</param>
    /// <param name="deliveryTransport">The delivery queue's transport, given the delivery settings.</param>
    /// <param name="deliveryEnabled">Whether this process delivers (<c>Hub:Delivery:Enabled</c>); without it the delivery bus only sends.</param>
    /// <param name="extend">Further configuration of each bus (e.g. an outbox).</param>
    public static IServiceCollection AddHubBus(this IServiceCollection services,
        Action<StandardConfigurer<ITransport>> pipelineTransport,
        Action<StandardConfigurer<ITransport>, DeliveryOptions> deliveryTransport,
        bool deliveryEnabled,
        Func<RebusConfigurer, RebusConfigurer>? extend = null)
    {
        services.AddRebus((configure, _) =>
        {
            configure
                .Transport(pipelineTransport)
                .Options(o => o.RetryStrategy(errorQueueName: ErrorQueue, maxDeliveryAttempts: 5));
            return extend is null ? configure : extend(configure);
        },
        key: PipelineBus.Key);

        services.AddRebus(
            (configure, provider) =>
            {
                var delivery = provider.GetRequiredService<IOptions<DeliveryOptions>>().Value;
                configure
                    .Transport(t => deliveryTransport(t, delivery))
                    .Options(o =>
                    {
                        // Deliveries mostly wait on the network: one worker with many concurrent handlers.
                        o.SetNumberOfWorkers(1);
                        o.SetMaxParallelism(delivery.MaxParallelism);
                        o.RetryStrategy(errorQueueName: ErrorQueue, maxDeliveryAttempts: 5);
                    });
                return extend is null ? configure : extend(configure);
            },
            isDefaultBus: false,
            key: DeliveryBus.Key,
            startAutomatically: deliveryEnabled);
        services.AddRebusHandler<CaseEventPipeline>();
        return services;
    }
}
