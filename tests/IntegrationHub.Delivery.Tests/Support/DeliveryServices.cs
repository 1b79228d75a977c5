using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>
/// The channels as the hub registers them (<see cref="DeliveryChannelServiceCollectionExtensions.AddDeliveryChannels"/>):
/// the same HTTP client, resilience pipelines, broker links and option validation, with settings given as configuration.
/// </summary>
internal sealed class DeliveryServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public DeliveryServices(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // Before the channels, which only add the system clock when none is registered.
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDeliveryChannels(configuration);
        // After the channels, so that a test's registrations (a store, small circuit-breaker settings) win.
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    /// <summary>The channels' clock: a fixed morning that moves only when a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A channel of the given type with its dependencies from the container.</summary>
    public T Channel<T>() where T : IDeliveryChannel => ActivatorUtilities.GetServiceOrCreateInstance<T>(_provider);

    /// <summary>A registered service.</summary>
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
