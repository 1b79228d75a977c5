using Rebus.Activation;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Routing.TypeBased;

namespace IntegrationHub.Messaging.Sqlite.Tests.Support;

/// <summary>Starts real Rebus buses on the SQLite transport, quiet and with one worker unless told otherwise.</summary>
public static class TestBus
{
    public static IBus Start(BuiltinHandlerActivator activator, SqliteTransportOptions options, string inputQueue, Action<OptionsConfigurer>? configure = null) =>
        Configure.With(activator)
            .Logging(logging => logging.None())
            .Transport(transport => transport.UseSqlite(options, inputQueue))
            .Options(o =>
            {
                o.SetNumberOfWorkers(1);
                o.SetMaxParallelism(1);
                configure?.Invoke(o);
            })
            .Start();

    public static IBus StartOneWayClient(SqliteTransportOptions options, Action<TypeBasedRouterConfigurationExtensions.TypeBasedRouterConfigurationBuilder> routes) =>
        Configure.OneWayClient()
            .Logging(logging => logging.None())
            .Transport(transport => transport.UseSqliteAsOneWayClient(options))
            .Routing(routing => routes(routing.TypeBased()))
            .Start();
}
