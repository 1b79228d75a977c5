using IntegrationHub.Adapters.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>Registers the receiving side for e-service platforms that push their submissions (Artvise, Selfpoint and others).</summary>
public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// Adds every instance under <c>Adapters:EServicesPush</c>, validated at start-up, and one
    /// <see cref="PushSubmissionHandler"/> (singleton) serving them all. The hub provides <see cref="IContentStore"/>;
    /// the host maps <c>POST /api/v1/adapters/eservices/{instance}/submissions</c> onto
    /// <see cref="PushSubmissionHandler.HandleAsync"/> and submits the events to its intake.
    /// </summary>
    public static IServiceCollection AddEServicesPush(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PushSubmissionOptions>, PushSubmissionOptionsValidator>());
        var names = new List<string>();
        foreach (var section in configuration.GetSection(PushSubmissionOptions.Section).GetChildren())
        {
            names.Add(section.Key);
            services.AddOptions<PushSubmissionOptions>(section.Key).Bind(section).ValidateOnStart();
        }

        services.TryAddSingleton(sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<PushSubmissionOptions>>();
            return new PushSubmissionHandler(names.Select(n => KeyValuePair.Create(n, monitor.Get(n))), sp.GetRequiredService<IContentStore>(), sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
