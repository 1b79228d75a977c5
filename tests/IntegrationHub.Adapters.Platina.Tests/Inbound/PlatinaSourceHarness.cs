using System.Globalization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Inbound;
using IntegrationHub.Adapters.Platina.Tests.Support;
using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.Platina.Tests.Inbound;

/// <summary>The Platina source over the simulator, for the source contract suite.</summary>
internal sealed class PlatinaSourceHarness : ISourceHarness
{
    private readonly PlatinaSimulator _platina = new();
    private int _cases;

    public PlatinaSourceHarness()
    {
        var options = TestOptions.For(_platina);
        options.PageSize = 2;
        Source = new PlatinaSource(TestOptions.Instance, options, TestOptions.Client(options), new InMemoryHub());
    }

    public ICaseEventSource Source { get; }

    public Task AddItemsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var number = Interlocked.Increment(ref _cases);
            _platina.AddRegistered($"PL-2026-{number:D6}", $"MN 2026/{number.ToString(CultureInfo.InvariantCulture)}");
        }

        return Task.CompletedTask;
    }

    public void Fail() => _platina.Down = true;

    public void Recover() => _platina.Down = false;

    public ValueTask DisposeAsync()
    {
        _platina.Dispose();
        return ValueTask.CompletedTask;
    }
}
