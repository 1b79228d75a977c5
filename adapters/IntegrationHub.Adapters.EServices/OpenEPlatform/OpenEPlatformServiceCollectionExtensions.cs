using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Client;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>Registers, per Open ePlatform installation, its connection, its source with a poll schedule, and its callback sink.</summary>
public static class OpenEPlatformServiceCollectionExtensions
{
    /// <summary>The adapter kind in the health API and the poll schedule.</summary>
    public const string Kind = OpenEPlatformKeys.Kind;

    /// <summary>
    /// Adds every instance under <c>Adapters:OpenEPlatform</c>, validated at start-up: an <see cref="ICaseEventSource"/>
    /// named <c>open-eplatform/{instance}</c> with its <see cref="PollSchedule"/> (kind <c>open-eplatform</c>, with the
    /// connection's <see cref="CircuitMonitor"/>), and, unless <c>Callback:Enabled</c> is false, an
    /// <see cref="ICaseEventSink"/> named <c>open-eplatform-callback/{instance}</c>. The hub provides
    /// <see cref="IContentStore"/>, <see cref="ICaseLookup"/> and <see cref="IAdapterState"/>.
    /// </summary>
    public static IServiceCollection AddOpenEPlatformAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenEPlatformOptions>, OpenEPlatformOptionsValidator>());
        foreach (var section in configuration.GetSection(OpenEPlatformOptions.Section).GetChildren())
        {
            var name = section.Key;
            services.AddOptions<OpenEPlatformOptions>(name).Bind(section).ValidateOnStart();
            if (!section.GetValue("Enabled", defaultValue: true))
            {
                continue;
            }

            // One circuit per installation: the source and the callback talk to the same server.
            var circuit = new CircuitMonitor();
            services.AddKeyedSingleton(name, (sp, _) => OpenEPlatformConnection.Create(name, Get(sp, name), circuit, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ICaseEventSource>(sp => new OpenEPlatformSource(name, Get(sp, name),
                sp.GetRequiredKeyedService<OpenEPlatformConnection>(name).Instances, sp.GetRequiredService<IContentStore>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton(new PollSchedule($"{Kind}/{name}", section.GetValue("Schedule", OpenEPlatformKeys.DefaultSchedule)!, circuit, Kind));
            if (section.GetValue("Callback:Enabled", defaultValue: true))
            {
                services.AddSingleton<ICaseEventSink>(sp => new CallbackSink(name, Get(sp, name), sp.GetRequiredKeyedService<OpenEPlatformConnection>(name).Callback,
                    sp.GetRequiredService<ICaseLookup>(), sp.GetRequiredService<IAdapterState>(), sp.GetRequiredService<TimeProvider>()));
            }
        }

        return services;
    }

    /// <summary>The names of the enabled instances configured under <c>Adapters:OpenEPlatform</c>.</summary>
    public static IReadOnlyList<string> ConfiguredInstances(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(OpenEPlatformOptions.Section).GetChildren().Where(s => s.GetValue("Enabled", defaultValue: true)).Select(s => s.Key)];
    }

    private static OpenEPlatformOptions Get(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<OpenEPlatformOptions>>().Get(name);
}
