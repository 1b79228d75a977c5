using IntegrationHub.Adapters.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>Registers one watcher (and, with receipts, one outbound sink) per configured function mailbox.</summary>
public static class MailboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds every mailbox under <c>Adapters:Mailbox</c>, validated at start-up. The hub provides
    /// <see cref="ICaseEventIntake"/>, <see cref="IContentStore"/>, <see cref="ICaseLookup"/> and <see cref="IAdapterState"/>.
    /// </summary>
    public static IServiceCollection AddMailboxAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailboxHealth>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailboxOptions>, MailboxOptionsValidator>());
        services.AddHttpClient(MailConnections.TokenClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<MailConnections>();
        foreach (var section in configuration.GetSection(MailboxOptions.Section).GetChildren())
        {
            var name = section.Key;
            services.AddOptions<MailboxOptions>(name).Bind(section).ValidateOnStart();
            var enabled = section.GetValue("Enabled", defaultValue: true);
            if (!enabled)
            {
                continue;
            }

            services.AddSingleton<IHostedService>(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<MailboxOptions>>().Get(name);
                var health = sp.GetRequiredService<MailboxHealth>();
                health.Configured(name, options.Address);
                return new MailboxWorker(name, options, sp.GetRequiredService<MailConnections>(),
                    new MailRegistrar(options, sp.GetRequiredService<IContentStore>(), sp.GetRequiredService<ICaseLookup>()),
                    sp.GetRequiredService<IServiceScopeFactory>(), health, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MailboxWorker>>());
            });
            if (section.GetValue("Receipts:Enabled", defaultValue: false))
            {
                services.AddSingleton<ICaseEventSink>(sp => new ReceiptSink(name, sp.GetRequiredService<IOptionsMonitor<MailboxOptions>>().Get(name),
                    sp.GetRequiredService<MailConnections>(), sp.GetRequiredService<IContentStore>(), sp.GetRequiredService<IAdapterState>(), sp.GetRequiredService<TimeProvider>()));
            }
        }

        return services;
    }

    /// <summary>The names of the enabled mailboxes configured under <c>Adapters:Mailbox</c>.</summary>
    public static IReadOnlyList<string> ConfiguredMailboxes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(MailboxOptions.Section).GetChildren().Where(s => s.GetValue("Enabled", defaultValue: true)).Select(s => s.Key)];
    }
}
