using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Client;
using IntegrationHub.Adapters.Platina.Inbound;
using IntegrationHub.Adapters.Platina.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Platina;

/// <summary>Registers, per Platina instance, its client, its event source with a poll schedule, and (with rules) its case sink.</summary>
public static class PlatinaServiceCollectionExtensions
{
    /// <summary>The schedule used when <c>Schedule</c> is not set: every two minutes.</summary>
    public const string DefaultSchedule = "0 0/2 * * * ?";

    /// <summary>
    /// Adds every instance under <c>Adapters:Platina</c>, validated at start-up: an <see cref="ICaseEventSource"/> named
    /// <c>platina/{instance}</c> with its <see cref="PollSchedule"/>, and, when <c>Outbound:Rules</c> has rules, an
    /// <see cref="ICaseEventSink"/> named <c>platina-cases/{instance}</c>. The hub provides <see cref="ICaseEventIntake"/>,
    /// <see cref="IContentStore"/> and <see cref="ICaseLookup"/>.
    /// </summary>
    public static IServiceCollection AddPlatinaAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatinaOptions>, PlatinaOptionsValidator>());
        foreach (var section in configuration.GetSection(PlatinaOptions.Section).GetChildren())
        {
            var name = section.Key;
            services.AddOptions<PlatinaOptions>(name).Bind(section).ValidateOnStart();
            if (!section.GetValue("Enabled", defaultValue: true))
            {
                continue;
            }

            // One circuit per instance: the source and the sink share the client, so Platina's health is one thing.
            var circuit = new CircuitMonitor();
            services.AddKeyedSingleton(name, (sp, _) => PlatinaClientFactory.Create(name, Get(sp, name), circuit, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ICaseEventSource>(sp =>
                new PlatinaSource(name, Get(sp, name), sp.GetRequiredKeyedService<PlatinaClient>(name), sp.GetRequiredService<IContentStore>()));
            services.AddSingleton(new PollSchedule($"platina/{name}", section.GetValue("Schedule", DefaultSchedule)!, circuit, "platina"));
            if (section.GetSection("Outbound:Rules").GetChildren().Any())
            {
                services.AddSingleton<ICaseEventSink>(sp => new PlatinaCaseSink(name, Get(sp, name), sp.GetRequiredKeyedService<PlatinaClient>(name),
                    sp.GetRequiredService<ICaseLookup>(), sp.GetRequiredService<IContentStore>(), new ScopedIntake(sp.GetRequiredService<IServiceScopeFactory>()),
                    sp.GetRequiredService<TimeProvider>()));
            }
        }

        return services;
    }

    /// <summary>The names of the enabled instances configured under <c>Adapters:Platina</c>.</summary>
    public static IReadOnlyList<string> ConfiguredInstances(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(PlatinaOptions.Section).GetChildren().Where(s => s.GetValue("Enabled", defaultValue: true)).Select(s => s.Key)];
    }

    private static PlatinaOptions Get(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<PlatinaOptions>>().Get(name);
}
