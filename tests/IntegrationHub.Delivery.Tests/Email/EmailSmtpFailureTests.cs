using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Email;
using IntegrationHub.Delivery.Tests.Support;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.Tests.Email;

public sealed class EmailSmtpFailureTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Email_SmtpPortRefusesConnections_IsTransientNamingTheServer()
    {
        var port = FreePort.Next();
        await using var email = await EmailHarness.StartAsync(Ct, smtpPort: port);
        var caseEvent = EmailHarness.Application(TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212"));

        var outcome = await email.DeliverAsync(caseEvent, Ct);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent);
        Assert.StartsWith($"Could not send through {TestEnvironment.Smtp.Host}:{port}", outcome.Error, StringComparison.Ordinal);
        PersonalData.AssertAbsent(caseEvent, outcome.Error, "error text");
    }

    [Fact]
    public async Task Email_NoSmtpServerConfigured_IsTransientNamingTheSetting()
    {
        await using var store = await TestHubStore.CreateAsync(Ct);
        var channel = new EmailNotificationChannel(
            Options.Create(new EmailNotificationOptions()),
            new NotificationRecipients(store.Store, store.Preferences));
        var (stored, record) = await store.IngestAsync(EmailHarness.Application(TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212")), Ct);

        var outcome = await channel.DeliverAsync(new DeliveryRequest(EmailHarness.Subscription("2281"), stored, record, EmailHarness.MunicipalityName), Ct);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Permanent);
        Assert.Contains("Hub:Delivery:Email:Host", outcome.Error, StringComparison.Ordinal);
    }
}
