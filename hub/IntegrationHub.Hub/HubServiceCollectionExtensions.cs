using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Hub.Apis;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Delivery;
using IntegrationHub.Hub.Diary;
using IntegrationHub.Hub.Intake;
using IntegrationHub.Hub.Municipalities;
using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Hub.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOptions<MunicipalitiesOptions>()
            .Configure(o => configuration.GetSection(MunicipalitiesOptions.Section).Bind(o.Municipalities))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MunicipalitiesOptions>, MunicipalitiesOptionsValidator>();
        services.AddSingleton<MunicipalityDirectory>();
        services.AddSingleton<DiaryRegistrar>();
        services.AddSingleton<CaseCorrelator>();
        services.AddSingleton<Adapters.HubCaseLookup>();
        services.AddSingleton<ICaseLookup>(sp => sp.GetRequiredService<Adapters.HubCaseLookup>());
        services.AddSingleton<IContentStore, Adapters.HubContentStore>();
        services.AddSingleton<IAdapterState, Adapters.HubAdapterState>();
        services.AddSingleton<Review.ReviewInbox>();
        services.AddScoped<Review.RegistratorReview>();
        services.AddSingleton<Apis.Subscriptions.ChannelRules>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDeadlineChecks(configuration);
        services.AddEventDelivery(configuration);
        services.AddScoped<EventIntake>();
        services.AddScoped<ICaseEventIntake>(sp => sp.GetRequiredService<EventIntake>());
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            // The same conventions as the canonical schema: no nulls, Swedish letters as they are.
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi("v1");
        services.AddHubSecurity(configuration);
        return services;
    }
}
