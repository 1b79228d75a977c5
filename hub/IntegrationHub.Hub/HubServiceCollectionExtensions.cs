using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Hub.Intake;
using IntegrationHub.Hub.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationHub.Hub;

/// <summary>Registers the hub's intake, pipeline handlers and APIs; the host adds a storage backend.</summary>
public static class HubServiceCollectionExtensions
{
    /// <summary>Adds the hub core. The caller registers an <c>IHubStore</c>, an <see cref="IPipelineTransactions"/> and Rebus.</summary>
    public static IServiceCollection AddIntegrationHubCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<EventIntake>();
        services.AddScoped<ICaseEventIntake>(sp => sp.GetRequiredService<EventIntake>());
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            // The same conventions as the canonical schema: no nulls, Swedish letters as they are.
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOpenApi("v1");
        return services;
    }
}
