using IntegrationHub.Canonical.Model;
using IntegrationHub.Store;
using IntegrationHub.Store.Sqlite;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>A real SQLite hub store in a temporary folder of its own, migrated, fed as the hub's pipeline feeds it; deleted afterwards.</summary>
internal sealed class TestHubStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ihub-delivery-tests", Guid.NewGuid().ToString("N"));

    private TestHubStore()
    {
        // No pooling: nothing keeps the file open once the test is done with it.
        var options = new SqliteStoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "hub.db")};Pooling=False" };
        Store = new SqliteHubStore(options, TimeProvider.System);
        Preferences = new SqliteSubscriptionStore(options);
    }

    public SqliteHubStore Store { get; }

    /// <summary>The citizens' notification opt-outs, in the same database.</summary>
    public SqliteSubscriptionStore Preferences { get; }

    public static async Task<TestHubStore> CreateAsync(CancellationToken cancellationToken)
    {
        var store = new TestHubStore();
        Directory.CreateDirectory(store._folder);
        await store.Store.MigrateAsync(cancellationToken);
        return store;
    }

    /// <summary>What the pipeline does with an accepted event: append, correlate with its case, index its people; returns it as stored.</summary>
    public async Task<(StoredEvent Event, CaseRecord Case)> IngestAsync(CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        await using var session = await Store.BeginAsync(cancellationToken);
        var sequence = (await session.AppendAsync(caseEvent, caseEvent.Time.AddSeconds(1), cancellationToken)).Sequence;
        var record = await session.UpsertCaseAsync(
            new CaseUpsert
            {
                Sequence = sequence,
                Municipality = caseEvent.Municipality,
                Case = caseEvent.Data.Case,
                Classification = caseEvent.DataClassification,
                OccurredAt = caseEvent.Data.Event.OccurredAt,
            },
            cancellationToken);
        await session.LinkEventToCaseAsync(sequence, record.Id, cancellationToken);
        await session.IndexPersonsAsync(sequence, record.Id, PeopleOf(caseEvent), cancellationToken);
        await session.CommitAsync(cancellationToken);
        var stored = await Store.GetEventAsync(sequence, cancellationToken) ?? throw new InvalidOperationException($"Event {sequence} was not stored.");
        return (stored, record);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static List<PersonLink> PeopleOf(CaseEvent caseEvent) =>
        [.. (caseEvent.Data.Parties ?? []).Where(p => p.Identity is not null).Select(p => new PersonLink(p.Identity!, PersonRelation.Party, p.Role))];
}
