using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;
using IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;
using IntegrationHub.Adapters.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Inbound;

/// <summary>The Open ePlatform source over the simulator, for the source contract suite: instances submitted today.</summary>
internal sealed class OpenEPlatformSourceHarness : ISourceHarness
{
    private readonly OpenEPlatformSimulator _platform = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)));
    private int _instances = 70000;

    public OpenEPlatformSourceHarness()
    {
        var options = TestOptions.For(_platform);
        options.StartDate = null;
        options.BatchSize = 2;
        options.Families.Remove("205");
        Source = new OpenEPlatformSource(TestOptions.Instance, options, TestOptions.Connection(options).Instances, new InMemoryHub(), _time);
    }

    public ICaseEventSource Source { get; }

    public Task AddItemsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Interlocked.Increment(ref _instances);
            _platform.AddGenerated(101, id, _time.GetUtcNow().AddMilliseconds(i));
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
