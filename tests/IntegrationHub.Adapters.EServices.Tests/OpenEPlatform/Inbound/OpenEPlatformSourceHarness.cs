using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;
using IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;
using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Inbound;

/// <summary>The Open ePlatform source over the simulator, for the source contract suite: instances submitted today.</summary>
internal sealed class OpenEPlatformSourceHarness : ISourceHarness
{
    private readonly OpenEPlatformSimulator _platform = new();
    private int _instances = 70000;

    public OpenEPlatformSourceHarness()
    {
        var options = TestOptions.For(_platform);
        options.StartDate = null;
        options.BatchSize = 2;
        options.Families.Remove("205");
        Source = new OpenEPlatformSource(TestOptions.Instance, options, TestOptions.Connection(options).Instances, new InMemoryHub(), TimeProvider.System);
    }

    public ICaseEventSource Source { get; }

    public Task AddItemsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Interlocked.Increment(ref _instances);
            _platform.AddGenerated(101, id, DateTimeOffset.UtcNow.AddMilliseconds(i));
        }

        return Task.CompletedTask;
    }

    public void Fail() => _platform.Down = true;

    public void Recover() => _platform.Down = false;

    public ValueTask DisposeAsync()
    {
        _platform.Dispose();
        return ValueTask.CompletedTask;
    }
}
