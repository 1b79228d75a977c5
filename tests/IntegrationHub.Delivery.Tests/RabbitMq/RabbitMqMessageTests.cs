using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.Delivery.Tests.Support;
using RabbitMQ.Client;

namespace IntegrationHub.Delivery.Tests.RabbitMq;

public sealed class RabbitMqMessageTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private RabbitMqHarness _rabbit = null!;
    private string _queue = string.Empty;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _rabbit = await RabbitMqHarness.StartAsync(Ct);
        await _rabbit.Broker.DeclareExchangeAsync(_rabbit.Exchange, Ct);
        _queue = await _rabbit.Broker.BindExclusiveQueueAsync(_rabbit.Exchange, "#", Ct);
    }

    public Task DisposeAsync() => _rabbit.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task RabbitMq_Message_IsPersistentJsonWithTheEventIdAsMessageId()
    {
        var request = TestRequests.RabbitMq(_rabbit.Exchange, Examples.Load(Examples.Opened));

        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.Channel.DeliverAsync(request, Ct));

        var properties = (await TakeOneAsync()).BasicProperties;
        Assert.True(properties.Persistent);
        Assert.Equal(DeliveryModes.Persistent, properties.DeliveryMode);
        Assert.Equal("oep-48213-submitted", properties.MessageId);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("se.sambruk.case.opened", properties.Type);
        Assert.Equal(request.Case!.Id.ToString(), properties.CorrelationId);
        Assert.Equal(_rabbit.Clock.GetUtcNow().ToUnixTimeSeconds(), properties.Timestamp.UnixTime);
    }

    [Fact]
    public async Task RabbitMq_Message_CarriesTheAttributesAsCloudEventsHeaders()
    {
        await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct);

        var headers = Headers(await TakeOneAsync());
        Assert.Equal("1.0", headers["cloudEvents:specversion"]);
        Assert.Equal("oep-48213-submitted", headers["cloudEvents:id"]);
        Assert.Equal("se.sambruk.case.opened", headers["cloudEvents:type"]);
        Assert.Equal("https://eservice.sundsvall.example/oep", headers["cloudEvents:source"]);
        Assert.Equal("2281", headers["cloudEvents:municipality"]);
        Assert.Equal("confidential", headers["cloudEvents:dataclassification"]);
        Assert.Equal("open-eplatform/48213", headers["cloudEvents:subject"]);
        Assert.Equal(
            new DateTimeOffset(2026, 3, 2, 9, 14, 9, TimeSpan.FromHours(1)),
            DateTimeOffset.Parse(headers["cloudEvents:time"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("cloudEvents:datacontenttype", headers.Keys);
    }

    [Fact]
    public async Task RabbitMq_Body_IsTheEventsDataJson()
    {
        await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct);

        var body = (await TakeOneAsync()).Body.ToArray();
        Assert.True(JsonNode.DeepEquals(Examples.Json(Examples.Opened)["data"], JsonNode.Parse(body)), "The body is not the example's data: " + Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task RabbitMq_RoutingKey_IsMunicipalityCaseTypeAndEventType()
    {
        await _rabbit.DeliverAsync(Examples.Load(Examples.Opened), Ct);

        var message = await TakeOneAsync();
        Assert.Equal("2281.bygglov.opened", message.RoutingKey);
        Assert.Equal(_rabbit.Exchange, message.Exchange);
    }

    [Fact]
    public async Task RabbitMq_NonAsciiEventId_ArrivesUnchangedAsMessageIdAndHeader()
    {
        var caseEvent = Examples.Load(Examples.ServicePromisePassed);

        Assert.Equal(DeliveryOutcome.Delivered, await _rabbit.DeliverAsync(caseEvent, Ct));

        var message = await TakeOneAsync();
        Assert.Equal(caseEvent.Id, message.BasicProperties.MessageId);
        Assert.Equal(caseEvent.Id, Headers(message)["cloudEvents:id"]);
        Assert.Equal("2281.nedskrapning.deadline-passed", message.RoutingKey);
    }

    private async Task<BasicGetResult> TakeOneAsync()
    {
        // The broker confirmed the publish, so the message is already in the queue.
        var messages = await _rabbit.Broker.TakeAllAsync(_queue, Ct);
        return Assert.Single(messages);
    }

    // AMQP carries header strings as byte arrays.
    private static Dictionary<string, string> Headers(BasicGetResult message) =>
        message.BasicProperties.Headers!.ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
}
