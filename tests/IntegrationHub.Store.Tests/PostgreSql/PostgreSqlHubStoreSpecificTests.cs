using System.Text;
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
        var caseEvent = new CaseEventBuilder().WithParty(Canonical.Model.PartyRole.Applicant, TestData.Anna).WithDocumentAndDecision().Build();
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

    private async Task<PostgreSqlHubStore> NewMigratedStoreAsync()
    {
        var database = new PostgreSqlTestDatabase();
        _databases.Add(database);
        var store = (PostgreSqlHubStore)database.OpenStore();
        await store.MigrateAsync(Ct);
        return store;
    }
}
