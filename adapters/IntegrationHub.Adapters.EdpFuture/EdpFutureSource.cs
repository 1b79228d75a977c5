using System.Globalization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Client;
using IntegrationHub.Adapters.EdpFuture.Model;
using IntegrationHub.Adapters.EdpFuture.Source;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EdpFuture;

/// <summary>
/// The source side of one Future instance (<c>edp-future/{instance}</c>). Future has no "changed since" query, so each
/// poll reads the errands of every configured customer and compares them with the checkpoint, which holds what was
/// already emitted per errand (status and activity hashes). New errands, status changes and new activities become
/// events, oldest first, at most <see cref="EdpFutureOptions.BatchSize"/> per batch; the returned checkpoint covers
/// exactly the events returned. All customers are read before anything is returned, so a failure gives no partial batch.
/// </summary>
public sealed class EdpFutureSource : ICaseEventSource
{
    private readonly string _instance;
    private readonly EdpFutureOptions _options;
    private readonly EdpFutureClient _client;
    private readonly TimeProvider _time;
    private readonly ErrandEventMapper _mapper;

    /// <summary>Creates the source for the instance <paramref name="instance"/> (the key under <c>Adapters:EdpFuture</c>).</summary>
    public EdpFutureSource(string instance, EdpFutureOptions options, EdpFutureClient client, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        _instance = instance;
        _options = options;
        _client = client;
        _time = timeProvider;
        _mapper = new ErrandEventMapper(options, client.TimeZone);
        Name = $"edp-future/{instance}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<SourceBatch> ReceiveAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var emitted = ErrandCheckpoint.Parse(checkpoint);
        var errands = await ReadErrandsAsync(cancellationToken);
        var changes = Changes(errands, emitted)
            .OrderBy(c => c.SortTime)
            .ThenBy(c => c.Errand.Id)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.Hash, StringComparer.Ordinal)
            .ToList();
        if (changes.Count == 0)
        {
            return SourceBatch.Empty(checkpoint);
        }

        var batch = changes.Take(_options.BatchSize).ToList();
        var next = emitted.Copy();
        foreach (var change in batch)
        {
            Apply(next, change);
        }

        var time = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _client.TimeZone);
        IReadOnlyList<CaseEvent> events = [.. batch.Select(c => _mapper.Map(c, time))];
        return new SourceBatch(events, next.Serialize(), More: changes.Count > batch.Count);
    }

    /// <summary>Future needs no acknowledgement: what was emitted is in the checkpoint.</summary>
    public Task AcknowledgeAsync(SourceBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<List<(int CustomerId, Errand Errand)>> ReadErrandsAsync(CancellationToken cancellationToken)
    {
        var errands = new List<(int, Errand)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < _options.CustomerIds.Count; i++)
        {
            var customerId = _options.CustomerIds[i];
            IReadOnlyList<Errand> found;
            try
            {
                found = await _client.GetErrandsForCustomerAsync(customerId, cancellationToken);
            }
            catch (EdpFutureException e)
            {
                // The setting, not the customer number: the message reaches logs and the health API.
                throw new SourceUnavailableException(
                    $"{Name}: the errands of {EdpFutureOptions.Section}:{_instance}:CustomerIds:{i.ToString(CultureInfo.InvariantCulture)} could not be read. {e.Message}", e);
            }

            // An errand listed under two followed customers is one case: the first customer owns it.
            errands.AddRange(found.Where(e => seen.Add(e.Id)).Select(e => (customerId, e)));
        }

        return errands;
    }

    private static IEnumerable<ErrandChange> Changes(List<(int CustomerId, Errand Errand)> errands, ErrandCheckpoint emitted)
    {
        foreach (var (customerId, errand) in errands)
        {
            var known = emitted.TryGet(errand.Id, out var state);
            if (!known)
            {
                yield return new ErrandChange(ErrandChangeKind.Opened, errand, customerId, errand.ReceivedAt, string.Empty);
            }
            else if (!string.IsNullOrWhiteSpace(errand.Status) && !string.Equals(errand.Status, state.Status, StringComparison.Ordinal))
            {
                var hash = ErrandHashes.StatusChange(errand.Id, state.Status, errand.Status, state.StatusChanges + 1);
                yield return new ErrandChange(ErrandChangeKind.Status, errand, customerId, DateTimeOffset.MaxValue, hash, PreviousStatus: state.Status);
            }

            var seen = new HashSet<string>(known ? state.Activities : [], StringComparer.Ordinal);
            foreach (var activity in errand.Activities)
            {
                var hash = ErrandHashes.Activity(activity);
                if (seen.Add(hash))
                {
                    var at = activity.ActivityDate is { } date && date > errand.ReceivedAt ? date : errand.ReceivedAt;
                    yield return new ErrandChange(ErrandChangeKind.Activity, errand, customerId, at, hash, activity);
                }
            }
        }
    }

    private static void Apply(ErrandCheckpoint state, ErrandChange change)
    {
        var id = change.Errand.Id;
        switch (change.Kind)
        {
            case ErrandChangeKind.Opened:
                // The opened event carries the current status, so no status change is due for it.
                state.Set(id, new ErrandState(change.Errand.Status, 0, []));
                break;
            case ErrandChangeKind.Status:
                state.TryGet(id, out var before);
                state.Set(id, before with { Status = change.Errand.Status, StatusChanges = before.StatusChanges + 1 });
                break;
            default:
                state.TryGet(id, out var current);
                state.Set(id, current with { Activities = [.. current.Activities, change.Hash] });
                break;
        }
    }
}
