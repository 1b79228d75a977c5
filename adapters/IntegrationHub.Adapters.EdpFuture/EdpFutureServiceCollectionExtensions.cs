using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Client;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EdpFuture;

/// <summary>Registers one client, one source and one poll schedule per configured EDP Future instance.</summary>
public static class EdpFutureServiceCollectionExtensions
{
    /// <summary>The name of the kind in the health API and the poll schedule.</summary>
    public const string Kind = "edp-future";

    /// <summary>
    /// Adds every enabled instance under <c>Adapters:EdpFuture</c>: an <see cref="EdpFutureClient"/> (keyed by the
    /// instance name), the <see cref="ICaseEventSource"/> and its <see cref="PollSchedule"/>. Settings are checked here,
    /// because the schedule must be known now: an <see cref="OptionsValidationException"/> lists every problem of every
    /// instance at once. Call before <c>AddSourcePolling</c>.
    /// </summary>
    public static IServiceCollection AddEdpFutureAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = ValidateEdpFutureAdapters(configuration);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(EdpFutureOptions.Section, typeof(EdpFutureOptions), errors);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdpFutureOptions>, EdpFutureOptionsValidator>());
        foreach (var section in configuration.GetSection(EdpFutureOptions.Section).GetChildren())
        {
            var instance = section.Key;
            services.AddOptions<EdpFutureOptions>(instance).Bind(section).ValidateOnStart();
            var options = Bind(section);
            if (!options.Enabled)
            {
                continue;
            }

            var circuit = new CircuitMonitor();
            var httpName = $"{Kind}/{instance}";
            services.AddHttpClient(httpName, c => c.Timeout = Timeout.InfiniteTimeSpan)
                // The client lives as long as the process: recycle pooled connections so DNS changes are seen.
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            services.AddKeyedSingleton(instance, (sp, _) => new EdpFutureClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpName), Options(sp, instance), circuit, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ICaseEventSource>(sp => new EdpFutureSource(
                instance, Options(sp, instance), sp.GetRequiredKeyedService<EdpFutureClient>(instance), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton(new PollSchedule($"{Kind}/{instance}", options.Schedule, circuit, Kind));
        }

        return services;
    }

    /// <summary>Every problem in the settings of the instances under <c>Adapters:EdpFuture</c>, each naming its setting; empty when all is well.</summary>
    public static IReadOnlyList<string> ValidateEdpFutureAdapters(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        foreach (var section in configuration.GetSection(EdpFutureOptions.Section).GetChildren())
        {
            // The binder drops a dictionary value it cannot convert without a word: check the statuses first.
            var statuses = section.GetSection(nameof(EdpFutureOptions.Statuses)).GetChildren()
                .Where(s => !Enum.TryParse<CaseStatus>(s.Value, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(s.Value, out _))
                .Select(s => $"{EdpFutureOptions.Section}:{section.Key}:Statuses:{s.Key} must be one of: {string.Join(", ", Enum.GetNames<CaseStatus>())} (not \"{s.Value}\").")
                .ToList();
            errors.AddRange(statuses);
            if (statuses.Count > 0)
            {
                continue;
            }

            EdpFutureOptions options;
            try
            {
                options = Bind(section, strict: true);
            }
            catch (InvalidOperationException e)
            {
                // A value of the wrong type or a misspelt setting: the binder names the key.
                errors.Add($"{EdpFutureOptions.Section}:{section.Key} could not be read: {e.Message}");
                continue;
            }

            errors.AddRange(EdpFutureOptionsValidator.Errors(section.Key, options));
        }

        return errors;
    }

    /// <summary>The names of the enabled instances configured under <c>Adapters:EdpFuture</c>.</summary>
    public static IReadOnlyList<string> ConfiguredEdpFutureInstances(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(EdpFutureOptions.Section).GetChildren().Where(s => s.GetValue("Enabled", defaultValue: true)).Select(s => s.Key)];
    }

    private static EdpFutureOptions Bind(IConfigurationSection section, bool strict = false) =>
        section.Get<EdpFutureOptions>(o => o.ErrorOnUnknownConfiguration = strict) ?? new EdpFutureOptions();

    private static EdpFutureOptions Options(IServiceProvider sp, string instance) => sp.GetRequiredService<IOptionsMonitor<EdpFutureOptions>>().Get(instance);
}
