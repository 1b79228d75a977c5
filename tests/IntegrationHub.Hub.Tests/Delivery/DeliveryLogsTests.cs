using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>Deliveries that succeed, fail, are dead-lettered and notify citizens leave no personal data in the logs.</summary>
public sealed class DeliveryLogsTests(ChannelsHubFactory hub) : IClassFixture<ChannelsHubFactory>
{
    private readonly DeliveryClient _hub = new(hub.CreateClient());

    [Fact]
    public async Task Logs_AfterWebhookRetriesDeadLettersAndNotificationEmail_HoldNoPersonalData()
    {
        using var failing = new WebhookReceiver(status: 500);
        var webhook = (await _hub.SubscribeWebhook(failing)).GetProperty("id").GetString()!;
        var email = (await _hub.Subscribe(new { kind = "email", email = new { loginUrl = "https://minasidor.sundsvall.example" } })).GetProperty("id").GetString()!;
        var address = $"tolvan.{Guid.NewGuid():N}@example.se";
        var scenario = _hub.Case("LOG");
        var applicant = new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.Personnummer, TestEvents.Applicant), Name = "Tolvan Tolvansson", Email = address };

        await _hub.Post(scenario.Event(CaseEventTypes.Opened, "Ansökan om bygglov för Lilla Torget 3",
            change: d => d with { Parties = [applicant], Event = d.Event with { Category = CustomerEventCategory.Receipt } }));
        await _hub.WaitFor(webhook, s => s.GetProperty("failing").EnumerateArray().Any(d => d.GetProperty("attempts").GetInt32() >= 2), "two failed attempts");
        failing.Answer(410);
        await _hub.WaitFor(webhook, s => DeliveryClient.Count(s, "deadLettered") == 1, "the dead letter");
        await _hub.WaitFor(email, s => DeliveryClient.Count(s, "delivered") == 1, "the notification");
        await _hub.Http.PutAsync($"/api/v1/people/{TestEvents.Applicant}/notifications?municipality=2281", Http.Body(Encoding.UTF8.GetBytes("""{"email":false}"""), "application/json"));

        Assert.Contains(hub.Logs.Lines, line => line.Contains(webhook, StringComparison.Ordinal));
        foreach (var secret in new[] { TestEvents.Applicant, "1212121212", "Tolvan", "Lilla Torget", "bygglov för", address })
        {
            Assert.DoesNotContain(hub.Logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
