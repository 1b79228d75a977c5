using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Source;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Fgs;

/// <summary>Registers one folder source and its poll schedule per configured FGS drop folder.</summary>
public static class FgsServiceCollectionExtensions
{
    /// <summary>
    /// Adds every drop folder under <c>Adapters:Fgs</c>, validated at start-up: an <see cref="ICaseEventSource"/> named
    /// <c>fgs/{instance}</c> and its <see cref="PollSchedule"/>. The hub provides <see cref="IContentStore"/>.
    /// </summary>
    public static IServiceCollection AddFgsAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FgsOptions>, FgsOptionsValidator>());
        foreach (var section in configuration.GetSection(FgsOptions.Section).GetChildren())
        {
            var name = section.Key;
            services.AddOptions<FgsOptions>(name).Bind(section).ValidateOnStart();
            if (!section.GetValue("Enabled", defaultValue: true))
            {
                continue;
            }

            // Resolving the options runs the validator, so a bad folder stops the start with the validator's messages.
            services.AddSingleton<ICaseEventSource>(sp => new FgsFolderSource(name, sp.GetRequiredService<IOptionsMonitor<FgsOptions>>().Get(name),
                sp.GetRequiredService<IContentStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FgsFolderSource>>()));
            services.AddSingleton(new PollSchedule($"fgs/{name}", section.GetValue("Schedule", FgsOptions.DefaultSchedule)!, null, "fgs"));
        }

        return services;
    }

    /// <summary>The names of the enabled drop folders configured under <c>Adapters:Fgs</c>.</summary>
    public static IReadOnlyList<string> ConfiguredFolders(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(FgsOptions.Section).GetChildren().Where(s => s.GetValue("Enabled", defaultValue: true)).Select(s => s.Key)];
    }
}
