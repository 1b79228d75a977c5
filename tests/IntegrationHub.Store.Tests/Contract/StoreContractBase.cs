using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Tests.Support;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>
/// What every contract test class shares: a fresh, migrated, empty database per test (a provider's
/// test class only says how to make one) and the pipeline's steps as helpers.
/// </summary>
public abstract class StoreContractBase : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private IStoreTestDatabase? _database;
    private IHubStore? _store;

    /// <summary>A fresh, empty database for one test.</summary>
    protected abstract IStoreTestDatabase CreateDatabase();

    /// <summary>The test's database.</summary>
    protected IStoreTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The store under test: fresh, migrated, empty.</summary>
    protected IHubStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Fails a hanging test instead of hanging the run.</summary>
    protected CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _database = CreateDatabase();
        try
        {
            _store = _database.OpenStore();
            await _store.MigrateAsync(Ct);
        }
        catch
        {
            // xUnit does not call DisposeAsync when InitializeAsync fails; leave nothing behind.
            await _database.DisposeAsync();
            _database = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose() => _timeout.Dispose();

    // ---------------------------------------------------------------- helpers

    /// <summary>Appends in a session of its own and commits.</summary>
    protected Task<AppendResult> AppendCommittedAsync(CaseEvent caseEvent, DateTimeOffset? receivedAt = null) =>
        AppendWithAsync(Store, caseEvent, receivedAt);

    /// <summary>Appends through the given store in a session of its own and commits.</summary>
    protected async Task<AppendResult> AppendWithAsync(IHubStore store, CaseEvent caseEvent, DateTimeOffset? receivedAt = null)
    {
        await using var session = await store.BeginAsync(Ct);
        var result = await session.AppendAsync(caseEvent, receivedAt ?? TestData.ReceivedAt, Ct);
        await session.CommitAsync(Ct);
        return result;
    }

    /// <summary>Upserts in a session of its own and commits.</summary>
    protected async Task<CaseRecord> UpsertCommittedAsync(CaseUpsert upsert)
    {
        await using var session = await Store.BeginAsync(Ct);
        var record = await session.UpsertCaseAsync(upsert, Ct);
        await session.CommitAsync(Ct);
        return record;
    }

    /// <summary>What the hub's pipeline does with one event, in one transaction.</summary>
    protected async Task<(long Sequence, CaseRecord Case)> IngestAsync(CaseEvent caseEvent)
    {
        await using var session = await Store.BeginAsync(Ct);
        var sequence = (await session.AppendAsync(caseEvent, TestData.ReceivedAt, Ct)).Sequence;
        var record = await session.UpsertCaseAsync(UpsertFor(sequence, caseEvent), Ct);
        await session.LinkEventToCaseAsync(sequence, record.Id, Ct);
        await session.IndexPersonsAsync(sequence, record.Id, PeopleOf(caseEvent), Ct);
        await session.CommitAsync(Ct);
        return (sequence, record);
    }

    protected static CaseUpsert Upsert(long sequence, CaseRef caseRef, DateTimeOffset occurredAt, DataClassification classification) => new()
    {
        Sequence = sequence,
        Municipality = TestData.Sundsvall,
        Case = caseRef,
        Classification = classification,
        OccurredAt = occurredAt,
    };

    protected static CaseUpsert UpsertFor(long sequence, CaseEvent caseEvent) => new()
    {
        Sequence = sequence,
        Municipality = caseEvent.Municipality,
        Case = caseEvent.Data.Case,
        Classification = caseEvent.DataClassification,
        OccurredAt = caseEvent.Data.Event.OccurredAt,
    };

    protected static List<PersonLink> PeopleOf(CaseEvent caseEvent)
    {
        var people = (caseEvent.Data.Parties ?? [])
            .Where(party => party.Identity is not null)
            .Select(party => new PersonLink(party.Identity!, PersonRelation.Party, party.Role))
            .ToList();
        if (caseEvent.Data.Concerns is { } concerns)
        {
            people.Add(new PersonLink(concerns.Identity, PersonRelation.Concerns));
        }

        return people;
    }

    /// <summary>Events hold lists, which records compare by reference; compare their canonical JSON.</summary>
    protected static void AssertSameEvent(CaseEvent expected, CaseEvent actual) =>
        Assert.Equal(
            Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(expected)),
            Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(actual)));
}
