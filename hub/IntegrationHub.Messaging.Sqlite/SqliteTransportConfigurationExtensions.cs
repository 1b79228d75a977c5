using Rebus.Config;
using Rebus.Logging;
using Rebus.Pipeline;
using Rebus.Threading;
using Rebus.Time;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// Configures Rebus to use the SQLite table-queue transport:
/// <c>Configure.With(activator).Transport(t =&gt; t.UseSqlite(new SqliteTransportOptions("Data Source=hub.db"), "hub-input"))</c>.
/// </summary>
/// <remarks>
/// Deferred messages (<c>bus.Defer</c>, <c>bus.DeferLocal</c>) are stored natively with a visibility time, so no timeout
/// manager is needed; if an external timeout manager address is configured it is respected instead. In transactional
/// mode (the default) throughput is that of a single SQLite writer, because a handler holds the write lock while it runs;
/// set <see cref="SqliteTransportOptions.LeaseDuration"/> for lease mode, whose handlers hold no lock (at-least-once).
/// Several buses in one process may use the same file, in different modes: they share one write gate.
/// </remarks>
public static class SqliteTransportConfigurationExtensions
{
    /// <summary>Uses the SQLite transport and receives from <paramref name="inputQueueName"/>.</summary>
    /// <exception cref="ArgumentException">The queue name is empty.</exception>
    public static void UseSqlite(this StandardConfigurer<ITransport> configurer, SqliteTransportOptions options, string inputQueueName)
    {
        ArgumentNullException.ThrowIfNull(configurer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputQueueName);
        Register(configurer, options, inputQueueName);
    }

    /// <summary>Uses the SQLite transport as a one-way client: it sends (and defers) but has no input queue.</summary>
    public static void UseSqliteAsOneWayClient(this StandardConfigurer<ITransport> configurer, SqliteTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(configurer);
        ArgumentNullException.ThrowIfNull(options);
        Register(configurer, options, inputQueueName: null);
        OneWayClientBackdoor.ConfigureOneWayClient(configurer);
    }

    private static void Register(StandardConfigurer<ITransport> configurer, SqliteTransportOptions options, string? inputQueueName)
    {
        var timeProvider = options.TimeProvider;
        configurer.Register(context => SqliteTransport.Create(
            options,
            inputQueueName,
            timeProvider ?? new RebusTimeProvider(context.Get<IRebusTime>()),
            context.Get<IRebusLoggerFactory>(),
            context.Get<IAsyncTaskFactory>()));

        if (timeProvider is not null)
        {
            configurer.OtherService<IRebusTime>().Decorate(_ => new TimeProviderRebusTime(timeProvider), "SQLite transport: Rebus uses SqliteTransportOptions.TimeProvider");
        }

        // Native deferral: Rebus sends deferred messages to the "external timeout manager", which is the transport itself.
        configurer.OtherService<Options>().Decorate(context =>
        {
            var rebusOptions = context.Get<Options>();
            if (string.IsNullOrWhiteSpace(rebusOptions.ExternalTimeoutManagerAddressOrNull))
            {
                rebusOptions.ExternalTimeoutManagerAddressOrNull = SqliteTransport.NativeDeferralAddress;
            }

            return rebusOptions;
        });

        configurer.OtherService<IPipeline>().Decorate(context => new SqliteReceivePipeline(context.Get<IPipeline>()));
    }
}
