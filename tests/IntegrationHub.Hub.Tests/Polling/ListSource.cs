using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Tests.Polling;

/// <summary>
/// A far side for the poller's tests: a list of native items (already mapped) read in pages, the checkpoint the index
/// of the next one, as a real adapter's cursor. It can be made unavailable.
/// </summary>
internal sealed class ListSource(string name, int pageSize) : ICaseEventSource
{
    private readonly List<CaseEvent> _items = [];
    private readonly Lock _lock = new();

    public string Name => name;

    public bool Unavailable { get; set; }

    /// <summary>Thrown by the next receives, as a bug in an adapter would.</summary>
    public Exception? Broken { get; set; }

    public int Acknowledged { get; private set; }

    public void Add(params CaseEvent[] events)
    {
        lock (_lock)
        {
            _items.AddRange(events);
        }
    }

    public Task<SourceBatch> ReceiveAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Broken is { } bug)
        {
            throw bug;
        }

        if (Unavailable)
        {
            throw new SourceUnavailableException("the test system answered 503 Service Unavailable");
        }

        lock (_lock)
        {
            var from = checkpoint is null ? 0 : int.Parse(checkpoint, System.Globalization.CultureInfo.InvariantCulture);
            var page = _items.Skip(from).Take(pageSize).ToList();
            var next = from + page.Count;
            return Task.FromResult(new SourceBatch(page, next.ToString(System.Globalization.CultureInfo.InvariantCulture), next < _items.Count));
        }
    }

    public Task AcknowledgeAsync(SourceBatch batch, CancellationToken cancellationToken)
    {
        Acknowledged++;
        return Task.CompletedTask;
    }
}
