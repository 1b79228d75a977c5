using System.Net;
using IntegrationHub.Hub.Pipeline;
using IntegrationHub.Hub.Tests.Infrastructure;
using IntegrationHub.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Hub.Tests.DeadLetters;

/// <summary>A pipeline failure ends in a visible dead letter that can be replayed once the cause is gone (SQLite).</summary>
public sealed class DeadLetterTests(DeadLetterTests.FaultyHub hub) : DeadLetterContract(hub), IClassFixture<DeadLetterTests.FaultyHub>
{
    /// <summary>A hub whose pipeline fails while <see cref="Failing"/> is set, as if its store were unavailable.</summary>
    public class FaultyHub : HubFactory
    {
        private volatile bool _failing;

        public bool Failing { get => _failing; set => _failing = value; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var real = services.Last(d => d.ServiceType == typeof(IPipelineTransactions)).ImplementationType!;
                services.AddSingleton(real);
                services.AddSingleton<IPipelineTransactions>(sp => new Faulty((IPipelineTransactions)sp.GetRequiredService(real), this));
            });
        }

        private sealed class Faulty(IPipelineTransactions inner, FaultyHub hub) : IPipelineTransactions
        {
            public void Enlist(RebusTransactionScope scope, IStoreSession session) => inner.Enlist(scope, session);

            public Task<IStoreSession> OpenHandlerSessionAsync(IMessageContext messageContext, CancellationToken cancellationToken) =>
                hub.Failing ? throw new InvalidOperationException("Injected failure: the store is unavailable.") : inner.OpenHandlerSessionAsync(messageContext, cancellationToken);
        }
    }

}

/// <summary>The same on the scale-out backend (Rebus.PostgreSql's error queue).</summary>
public sealed class PostgreSqlDeadLetterTests(PostgreSqlDeadLetterTests.FaultyPostgreSqlHub hub) : DeadLetterContract(hub), IClassFixture<PostgreSqlDeadLetterTests.FaultyPostgreSqlHub>
{
    public sealed class FaultyPostgreSqlHub : DeadLetterTests.FaultyHub
    {
        public FaultyPostgreSqlHub() => PostgreSqlHubFactory.UsePostgreSql(Settings);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                PostgreSqlHubFactory.DropSchema(Settings);
            }
        }
    }
}

/// <summary>The dead-letter behaviour every storage backend has.</summary>
public abstract class DeadLetterContract(DeadLetterTests.FaultyHub hub)
{
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task FailingPipeline_EndsInADeadLetter_ThatAReplayProcessesOnceTheCauseIsGone()
    {
        var subscription = await (await _client.PostAsync("/api/v1/subscriptions", Http.Body(
            System.Text.Encoding.UTF8.GetBytes("{\"municipality\":\"2281\",\"name\":\"Portal\",\"startFrom\":\"beginning\",\"filter\":{\"classificationCeiling\":\"confidential\"}}"),
            "application/json"))).Json();
        var feed = $"/api/v1/subscriptions/{subscription.GetProperty("id").GetString()}/events";
        hub.Failing = true;
        var accepted = await (await _client.PostEvent(TestEvents.Json(TestEvents.Opened("DL-1")))).Json();
        var sequence = accepted.GetProperty("accepted")[0].GetProperty("sequence").GetInt64();

        var letter = await Eventually.Get(async () =>
        {
            var letters = await (await _client.GetAsync("/api/v1/dead-letters")).Json();
            return letters.GetArrayLength() > 0 ? letters[0] : (System.Text.Json.JsonElement?)null;
        }, "the failed message in the dead letters");
        Assert.Contains("ProcessCaseEvent", letter.GetProperty("messageType").GetString(), StringComparison.Ordinal);
        Assert.Contains("Injected failure", letter.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("ihub-pipeline", letter.GetProperty("sourceQueue").GetString());
        Assert.Contains(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=edp-future&sourceCaseId=DL-1")).Json()).GetArrayLength());

        // A subscriber never moves past an event the pipeline has not finished: it waits for it.
        var waiting = await (await _client.GetAsync(feed)).Json();
        Assert.Equal(0, waiting.GetProperty("items").GetArrayLength());
        Assert.True(waiting.GetProperty("lastSequence").GetInt64() < sequence);

        hub.Failing = false;
        var replay = await _client.PostAsync($"/api/v1/dead-letters/{letter.GetProperty("id").GetInt64()}/replay", null);
        var unknown = await _client.PostAsync("/api/v1/dead-letters/999999/replay", null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await Eventually.True(async () =>
            (await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=edp-future&sourceCaseId=DL-1")).Json()).GetArrayLength() == 1,
            "the replayed message to build the case");
        Assert.Equal(0, (await (await _client.GetAsync("/api/v1/dead-letters")).Json()).GetArrayLength());
        var served = await (await _client.GetAsync(feed)).Json();
        Assert.Equal(sequence, served.GetProperty("items")[0].GetProperty("sequence").GetInt64());
    }
}
