using System.Collections.Concurrent;
using System.Net.Http.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Adapters;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>
/// An adapter's outbound side (<see cref="ICaseEventSink"/>) gets the hub's delivery: its own subscription from now on,
/// only the sources and types it asks for, the diarienummer, retries, dead-letter and replay.
/// </summary>
public sealed class AdapterSinkTests(AdapterSinkTests.SinkHubFactory hub) : IClassFixture<AdapterSinkTests.SinkHubFactory>
{
    private readonly DeliveryClient _client = new(hub.CreateClient());

    [Fact]
    public async Task TheSink_GetsItsOwnSubscription_AndOnlyTheEventsItAsksFor_WithTheirDiarienummer()
    {
        var subscription = await (await _client.Http.GetAsync($"/api/v1/subscriptions/{hub.SubscriptionId}")).Json();
        Assert.Equal("Adapter: test-sink/kommunen", subscription.GetProperty("name").GetString());
        Assert.Equal("adapter", subscription.GetProperty("channel").GetProperty("kind").GetString());
        Assert.Equal("test-sink/kommunen", subscription.GetProperty("channel").GetProperty("adapter").GetProperty("sink").GetString());

        var mine = new Scenario(_client.Http, "mailbox", $"m-{Guid.NewGuid():N}", "medborgarforslag");
        var other = new Scenario(_client.Http, "edp-future", $"e-{Guid.NewGuid():N}", "medborgarforslag");
        var opened = mine.Event(CaseEventTypes.Opened, "Ditt meddelande har kommit in", diaryEvent: true) with { Source = TestSink.Source };
        await mine.Post(opened);
        await other.Post(other.Event(CaseEventTypes.Opened, "Din ansökan har kommit in", diaryEvent: true));
        await mine.Post(mine.Event(CaseEventTypes.StatusChanged, "Ditt ärende handläggs") with { Source = TestSink.Source });

        await Eventually.True(() => Task.FromResult(hub.Sink.Handled.ContainsKey(opened.Id)), "the sink to get the event");
        var received = hub.Sink.Handled[opened.Id];
        Assert.Matches("^KS 2026/[0-9]+$", received.Diarienummer);
        Assert.Equal(1, received.DocumentNumber);
        Assert.Equal((await mine.Details()).GetProperty("case").GetProperty("id").GetString(), received.CaseId.ToString());
        // Neither another source's event nor an event type it did not ask for.
        Assert.All(hub.Sink.Handled.Values, e => Assert.Equal(TestSink.Source, e.Event.Source));
        Assert.DoesNotContain(hub.Sink.Handled.Values, e => e.Event.Type == CaseEventTypes.StatusChanged);
    }

    [Fact]
    public async Task ATransientFailure_IsRetried_AndAPermanentOneIsDeadLetteredAndReplayable()
    {
        var flaky = new Scenario(_client.Http, "mailbox", $"f-{Guid.NewGuid():N}", "medborgarforslag");
        var transient = flaky.Event(CaseEventTypes.Opened, "Ditt meddelande har kommit in", diaryEvent: true) with { Source = TestSink.Source };
        hub.Sink.Script[transient.Id] = new Queue<SinkResult>([SinkResult.Transient("SMTP server busy"), SinkResult.Transient("SMTP server busy")]);
        var refused = new Scenario(_client.Http, "mailbox", $"r-{Guid.NewGuid():N}", "medborgarforslag");
        var permanent = refused.Event(CaseEventTypes.Opened, "Ditt meddelande har kommit in", diaryEvent: true) with { Source = TestSink.Source };
        hub.Sink.Script[permanent.Id] = new Queue<SinkResult>([SinkResult.Permanent("The recipient does not exist")]);
        await flaky.Post(transient);
        await refused.Post(permanent);

        await Eventually.True(() => Task.FromResult(hub.Sink.Handled.ContainsKey(transient.Id)), "the third attempt to succeed");
        Assert.Equal(3, hub.Sink.Attempts[transient.Id]);
        var status = await _client.WaitFor(hub.SubscriptionId.ToString(), s => DeliveryClient.Count(s, "deadLettered") == 1, "the refused one to be dead-lettered");
        Assert.Contains("The recipient does not exist", status.GetProperty("deadLettered")[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var sequence = status.GetProperty("deadLettered")[0].GetProperty("sequence").GetInt64();

        var replay = await _client.Http.PostAsync($"/api/v1/subscriptions/{hub.SubscriptionId}/deliveries/{sequence}/replay", null);

        Assert.Equal(1, (await replay.Json()).GetProperty("replayed").GetInt32());
        await Eventually.True(() => Task.FromResult(hub.Sink.Handled.ContainsKey(permanent.Id)), "the replay to reach the sink");
    }

    public sealed class SinkHubFactory : MunicipalHubFactory
    {
        public SinkHubFactory()
        {
            Settings["Hub:Delivery:PollInterval"] = "00:00:00.100";
            Settings["Hub:Delivery:FirstRetryDelay"] = "00:00:00.200";
            Settings["Hub:Delivery:MaxRetryDelay"] = "00:00:00.500";
            Settings["Hub:Delivery:MaxAttempts"] = "4";
        }

        public TestSink Sink { get; } = new();

        public Guid SubscriptionId => AdapterSinkSubscriptions.SubscriptionId(Sink.Name, "2281");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ICaseEventSink>(Sink));
        }
    }

    /// <summary>A sink that records what it got and answers as a test scripted per event id (done by default).</summary>
    public sealed class TestSink : ICaseEventSink
    {
        public const string Source = "urn:integrationhub:mailbox:2281";

        public string Name => "test-sink/kommunen";

        public CaseEventSinkFilter Filter { get; } = new("2281", [Source], [CaseEventTypes.Opened]);

        public ConcurrentDictionary<string, SinkEvent> Handled { get; } = new();

        public ConcurrentDictionary<string, int> Attempts { get; } = new();

        public ConcurrentDictionary<string, Queue<SinkResult>> Script { get; } = new();

        public Task<SinkResult> HandleAsync(SinkEvent sinkEvent, CancellationToken cancellationToken)
        {
            Attempts.AddOrUpdate(sinkEvent.Event.Id, 1, (_, n) => n + 1);
            if (Script.TryGetValue(sinkEvent.Event.Id, out var answers) && answers.TryDequeue(out var answer))
            {
                return Task.FromResult(answer);
            }

            Handled[sinkEvent.Event.Id] = sinkEvent;
            return Task.FromResult(SinkResult.Done);
        }
    }
}
