using System.Text;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using RabbitMQ.Client;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>The RabbitMQ and e-mail channels through the real hub, against the real test broker, SMTP and IMAP servers.</summary>
public sealed class RabbitMqAndEmailDeliveryTests(ChannelsHubFactory hub) : IClassFixture<ChannelsHubFactory>
{
    private readonly DeliveryClient _hub = new(hub.CreateClient());

    [Fact]
    public async Task RabbitMq_Subscription_PublishesToTheTopicExchange_WithRoutingKeyAndCloudEventHeaders()
    {
        // Durable exchange and queue, and a fresh connection per poll: the Delivery tests restart the broker now and then,
        // and the hub retries through that, so this test must too.
        var exchange = $"ihub-test-{Guid.NewGuid():N}";
        var queue = exchange + "-q";
        await WithChannel(async channel =>
        {
            // As the hub declares it (durable, kept); a differently declared exchange would be refused by the broker.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, $"2281.{_hub.CaseType}.*");
            return true;
        });
        var subscription = await _hub.Subscribe(new { kind = "rabbitMq", rabbitMq = new { exchange } });
        var opened = _hub.Case("R").Event(CaseEventTypes.Opened, "Din ansökan har kommit in");

        await _hub.Post(opened);
        await _hub.WaitFor(subscription.GetProperty("id").GetString()!, s => DeliveryClient.Count(s, "delivered") == 1, "the publication", TimeSpan.FromSeconds(60));

        BasicGetResult? got = null;
        await Eventually.True(async () => (got = await WithChannel(c => c.BasicGetAsync(queue, autoAck: true))) is not null, "the message in the bound queue");
        var message = got!;
        Assert.Equal($"2281.{_hub.CaseType}.opened", message.RoutingKey);
        Assert.Equal(opened.Id, message.BasicProperties.MessageId);
        Assert.True(message.BasicProperties.Persistent);
        Assert.Equal(opened.Id, Header(message, "cloudEvents:id"));
        Assert.Equal(CaseEventTypes.Opened, Header(message, "cloudEvents:type"));
        Assert.Equal("internal", Header(message, "cloudEvents:dataclassification"));
        Assert.Equal("Din ansökan har kommit in", JsonDocument.Parse(message.Body).RootElement.GetProperty("event").GetProperty("headline").GetString());
        await WithChannel(async c =>
        {
            await c.QueueDeleteAsync(queue);
            await c.ExchangeDeleteAsync(exchange);
            return true;
        });
    }

    /// <summary>Runs <paramref name="work"/> on a fresh connection; a broker that is restarting gives default instead.</summary>
    private static async Task<T?> WithChannel<T>(Func<IChannel, Task<T>> work)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            return await work(channel);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            return default;
        }
    }

    [Fact]
    public async Task Email_Subscription_TellsTheApplicantSomethingHappened_WithoutCaseDetails_AndHonoursOptOut()
    {
        var address = $"anna.{Guid.NewGuid():N}@example.se";
        var subscription = await _hub.Subscribe(new { kind = "email", email = new { loginUrl = "https://minasidor.sundsvall.example/logga-in" } });
        var id = subscription.GetProperty("id").GetString()!;
        var scenario = _hub.Case("M");
        var applicant = new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.Personnummer, "198112189876"), Name = "Anna Andersson", Email = address };
        var opened = scenario.Event(CaseEventTypes.Opened, "Ditt bygglov för Storgatan 12 har kommit in",
            change: d => d with { Parties = [applicant], Event = d.Event with { Category = CustomerEventCategory.Receipt, Description = "Handläggare Per Persson" } });

        await _hub.Post(opened);
        await _hub.WaitFor(id, s => DeliveryClient.Count(s, "delivered") == 1, "the notification");
        var mails = await Inbox(address, expected: 1);

        var mail = Assert.Single(mails);
        var text = mail.TextBody + mail.Subject;
        Assert.Contains("Sundsvalls kommun", text, StringComparison.Ordinal);
        Assert.Contains("https://minasidor.sundsvall.example/logga-in", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "Storgatan", "Per Persson", "Anna Andersson", "198112189876", scenario.SourceCaseId, _hub.CaseType })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);

        await _hub.Http.PutAsync("/api/v1/people/198112189876/notifications?municipality=2281", Http.Body(Encoding.UTF8.GetBytes("""{"email":false}"""), "application/json"));
        await _hub.Post(scenario.Event(CaseEventTypes.StatusChanged, "Ditt bygglov handläggs nu", change: d => d with { Event = d.Event with { Category = CustomerEventCategory.Information } }));
        var status = await _hub.WaitFor(id, s => DeliveryClient.Count(s, "skipped") == 1, "the skipped notification");

        Assert.Equal(1, DeliveryClient.Count(status, "delivered"));
        Assert.Single(await Inbox(address, expected: 1));
    }

    private static string? Header(BasicGetResult message, string name)
    {
        object? value = null;
        _ = message.BasicProperties.Headers?.TryGetValue(name, out value);
        return value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString();
    }

    private static async Task<List<MimeKit.MimeMessage>> Inbox(string address, int expected)
    {
        var found = new List<MimeKit.MimeMessage>();
        await Eventually.True(async () =>
        {
            using var imap = new ImapClient();
            await imap.ConnectAsync(TestServers.Imap.Host, TestServers.Imap.Port, MailKit.Security.SecureSocketOptions.None);
            await imap.AuthenticateAsync(address, TestServers.ImapPassword);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            found.Clear();
            for (var i = 0; i < imap.Inbox.Count; i++)
            {
                found.Add(await imap.Inbox.GetMessageAsync(i));
            }

            await imap.DisconnectAsync(true);
            return found.Count >= expected;
        }, $"{expected} mail(s) over IMAP", TimeSpan.FromSeconds(20));
        return found;
    }
}
