using IntegrationHub.Hub.Tests.Infrastructure;
using MimeKit;

namespace IntegrationHub.Hub.Tests.Mailbox;

/// <summary>The mailbox adapter on the scale-out store: registration, inbox, receipt and copies work the same on PostgreSQL.</summary>
public sealed class PostgreSqlMailboxTests(PostgreSqlMailboxHubFactory hub) : IClassFixture<PostgreSqlMailboxHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task AMailCopiedToBothMailboxes_IsRegisteredOnce_AndAnsweredOnce()
    {
        var sender = MailServer.NewAddress("eva", "example.org");
        var mail = MailServer.Sample("17-kopia-till-tva-funktionsbrevlador.eml", sender, hub.Bygglov, cc: hub.Kommunen);
        await MailServer.SendAsync(mail);

        await Eventually.True(async () => (await MailServer.MessagesAsync(hub.Kommunen, "Registrerat")).Any(m => m.MessageId == mail.MessageId)
            && (await MailServer.MessagesAsync(hub.Bygglov, "Registrerat")).Any(m => m.MessageId == mail.MessageId), "both mailboxes to register the copy", TimeSpan.FromSeconds(60));
        // The pipeline puts it in the inbox a moment after the intake accepted it (the outbox forwards every second).
        List<System.Text.Json.JsonElement> items = [];
        await Eventually.True(async () => (items = [.. (await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&state=all&limit=1000")).Json())
            .GetProperty("items").EnumerateArray().Where(i => i.GetProperty("sender").GetProperty("email").GetString() == sender)]).Count > 0, "the registrator's inbox");
        var item = Assert.Single(items);
        // Whichever mailbox read it first routed it: bygglov's default (SBN) or kommunen's (KS).
        Assert.Matches("^(SBN-2026/[0-9]{4}|KS 2026/[0-9]+)$", item.GetProperty("diarienummer").GetString());

        var receipt = await MailServer.WaitForAsync(sender, m => m.Subject?.StartsWith("Mottagningsbekräftelse", StringComparison.Ordinal) == true, "the receipt");
        Assert.Equal($"Mottagningsbekräftelse {item.GetProperty("diarienummer").GetString()}", receipt.Subject);
        Assert.Equal(mail.MessageId, receipt.InReplyTo);
    }
}
