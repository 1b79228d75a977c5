using IntegrationHub.Store;

namespace IntegrationHub.Hub.Statistics;

/// <summary>Reads a municipality's whole event log through the feed, page by page.</summary>
public static class MunicipalityEventLog
{
    /// <summary>Events per feed page.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// Every event of <paramref name="municipality"/> (or of all municipalities, when null) in sequence
    /// order. Statistics and the deadline check scan the log: fine for tens of thousands of events;
    /// roll-ups kept by the pipeline are a later step.
    /// </summary>
    public static async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(IHubStore store, string? municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var events = new List<StoredEvent>();
        var after = 0L;
        while (true)
        {
            var page = await store.ReadFeedAsync(after, PageSize, municipality, cancellationToken);
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page);
            after = page[^1].Sequence;
        }
    }
}
