using IntegrationHub.Hub.Pipeline;
using Rebus.Config;
using Rebus.Retry.Simple;
using Rebus.Transport;

namespace IntegrationHub.Host;

/// <summary>The hub's Rebus bus: one input queue for the pipeline, Rebus's retries and error queue.</summary>
public static class HubBus
{
    /// <summary>The pipeline's input queue.</summary>
    public const string InputQueue = "ihub-pipeline";

    /// <summary>Where messages go after their delivery attempts are used up (the dead-letter queue).</summary>
    public const string ErrorQueue = "ihub-error";

    /// <summary>Registers Rebus with the given transport and the pipeline handlers.</summary>
    public static IServiceCollection AddHubBus(this IServiceCollection services,
        Action<StandardConfigurer<ITransport>> transport, Func<RebusConfigurer, RebusConfigurer>? extend = null)
    {
        services.AddRebus((configure, _) =>
        {
            configure
                .Transport(transport)
                .Options(o => o.RetryStrategy(errorQueueName: ErrorQueue, maxDeliveryAttempts: 5));
            return extend is null ? configure : extend(configure);
        });
        services.AddRebusHandler<CaseEventPipeline>();
        return services;
    }
}
