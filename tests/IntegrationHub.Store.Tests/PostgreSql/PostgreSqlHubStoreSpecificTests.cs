using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.PostgreSql;
using IntegrationHub.Store.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Store.Tests.PostgreSql;

/// <summary>What only the PostgreSQL store has: its options, schemas and how it keeps the JSON.</summary>
public sealed class PostgreSqlHubStoreSpecificTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly List<PostgreSqlTestDatabase> _databases = [];

    private CancellationToken Ct => _timeout.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public void Options_MissingConnectionString_Fails()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlHubStore(new PostgreSqlStoreOptions(), TimeProvider.System));

        Assert.Contains("ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_InvalidConnectionString_FailsWithoutRepeatingIt()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = "Host=db.kommun.se;Password=hemligt-lösen;Färg=blå" };

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlHubStore(options, TimeProvider.System));

        Assert.Contains("not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hemligt", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IHub")]
    [InlineData("ihub; DROP SCHEMA public")]
    [InlineData("ihub\"")]
    [InlineData("1hub")]
    [InlineData("")]
    [InlineData("pg_ihub")]
    [InlineData("a_schema_name_that_is_longer_than_the_sixty_three_bytes_postgres_allows")]
    public void Options_UnsafeSchemaName_FailsExplainingTheRule(string schema)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = "Host=localhost", Schema = schema };

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlHubStore(options, TimeProvider.System));

        Assert.Contains("is not a safe schema name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Default_SchemaIsIhub()
    {
        using var store = new PostgreSqlHubStore(new PostgreSqlStoreOptions { ConnectionString = "Host=localhost" }, TimeProvider.System);

        Assert.Equal("ihub", store.Schema);
    }

    [Fact]
    public async Task Schemas_TwoStoresInDifferentSchemas_AreIsolatedAndDoNotShareTheAppendLock()
    {
        var sundsvall = await NewMigratedStoreAsync();
        var timra = await NewMigratedStoreAsync();

        await using (var open = await sundsvall.BeginAsync(Ct))
        {
            await open.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);

            // Would wait for the open session if the lock were shared across schemas.
            await using var other = await timra.BeginAsync(Ct);
            await other.AppendAsync(new CaseEventBuilder().InMunicipality(TestData.Timra).Build(), TestData.ReceivedAt, Ct);
            await other.CommitAsync(Ct);
            await open.CommitAsync(Ct);
        }

        Assert.Equal(TestData.Sundsvall, Assert.Single(await sundsvall.ReadFeedAsync(0, 10, null, Ct)).Event.Municipality);
        Assert.Equal(TestData.Timra, Assert.Single(await timra.ReadFeedAsync(0, 10, null, Ct)).Event.Municipality);
    }

    [Fact]
    public async Task Append_Payload_IsKeptAsJsonTextExactlyAsWritten()
    {
        var store = await NewMigratedStoreAsync();
        var caseEvent = new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).WithDocumentAndDecision().Build();
        long sequence;
        await using (var session = await store.BeginAsync(Ct))
        {
            sequence = (await session.AppendAsync(caseEvent, TestData.ReceivedAt, Ct)).Sequence;
            await session.CommitAsync(Ct);
        }

        await using var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"SELECT pg_typeof(payload)::text, payload::text FROM {store.Schema}.events WHERE sequence = @sequence", connection);
        command.Parameters.AddWithValue("sequence", sequence);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("json", reader.GetString(0));
        Assert.Equal(Encoding.UTF8.GetString(CaseEventFormatter.EncodeStructured(caseEvent)), reader.GetString(1));
    }

    [Fact]
    public async Task UpsertCase_WhileAMergeOfItsCaseIsUncommitted_WaitsThenUpdatesTheSurvivor()
    {
        var database = new PostgreSqlTestDatabase();
        _databases.Add(database);
        // Its own application name, so the test can see its own backends wait (other tests run alongside).
        var applicationName = $"ihub-merge-race-{Guid.NewGuid():N}";
        await using var store = new PostgreSqlHubStore(
            new PostgreSqlStoreOptions { ConnectionString = $"{PostgreSqlTestDatabase.ConnectionString};Application Name={applicationName}", Schema = database.Schema },
            TimeProvider.System);
        await store.MigrateAsync(Ct);
        var survivor = await UpsertAsync(store, 1, new CaseRef { SourceSystem = TestData.EdpFuture, SourceCaseId = "S" });
        var merged = await UpsertAsync(store, 2, new CaseRef { SourceSystem = TestData.EdpFuture, SourceCaseId = "M" });

        Task<CaseRecord> upsert;
        await using (var merge = await store.BeginAsync(Ct))
        {
            await merge.Links.MergeCasesAsync(survivor.Id, merged.Id, Ct);
            upsert = Task.Run(() => UpsertAsync(store, 3, new CaseRef { SourceSystem = TestData.EdpFuture, SourceCaseId = "M", SourceStatus = "Beslutad" }), Ct);
            await WaitUntilABackendWaitsForALockAsync(applicationName);
            Assert.False(upsert.IsCompleted, "the upsert must wait for the merge that holds its case");
            await merge.CommitAsync(Ct);
        }

        var updated = await upsert;
        Assert.Equal(survivor.Id, updated.Id);
        Assert.Equal("Beslutad", updated.SourceStatus);
        Assert.Null((await store.GetCaseAsync(merged.Id, Ct))!.SourceStatus);
    }

    [Fact]
    public void AddPostgreSqlHubStore_ValidOptions_RegistersOneSingletonStore()
    {
        var services = new ServiceCollection();

        services.AddPostgreSqlHubStore(options => options.ConnectionString = "Host=localhost");

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(IHubStore)).Lifetime);
        Assert.Single(services, d => d.ServiceType == typeof(PostgreSqlHubStore));
    }

    [Fact]
    public void AddPostgreSqlHubStore_InvalidOptions_FailsAtRegistration() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPostgreSqlHubStore(options => options.Schema = "Ihub"));

    private async Task<CaseRecord> UpsertAsync(PostgreSqlHubStore store, long sequence, CaseRef caseRef)
    {
        await using var session = await store.BeginAsync(Ct);
        var record = await session.UpsertCaseAsync(
            new CaseUpsert
            {
                Sequence = sequence,
                Municipality = TestData.Sundsvall,
                Case = caseRef,
                Classification = DataClassification.Internal,
                OccurredAt = TestData.March2.AddDays(sequence),
            },
            Ct);
        await session.CommitAsync(Ct);
        return record;
    }

    /// <summary>Polls pg_stat_activity until one of the store's own backends waits for a row or transaction lock.</summary>
    private async Task WaitUntilABackendWaitsForALockAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(PostgreSqlTestDatabase.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND wait_event_type = 'Lock'", connection);
        command.Parameters.AddWithValue("name", applicationName);
        while ((long)(await command.ExecuteScalarAsync(Ct))! == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), Ct);
        }
    }

    private async Task<PostgreSqlHubStore> NewMigratedStoreAsync()
    {
        var database = new PostgreSqlTestDatabase();
        _databases.Add(database);
        var store = (PostgreSqlHubStore)database.OpenStore();
        await store.MigrateAsync(Ct);
        return store;
    }
}
