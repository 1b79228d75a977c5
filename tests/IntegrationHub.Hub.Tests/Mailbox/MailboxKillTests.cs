using System.Globalization;
using System.Text.Json;
using IntegrationHub.Hub.Tests.Infrastructure;
using MimeKit;
using MimeKit.Utils;

namespace IntegrationHub.Hub.Tests.Mailbox;

/// <summary>
/// Kills the real hub process with SIGKILL while its mailbox adapter works through a full inbox (between fetching a
/// mail, the hub accepting its event and the move to the processed folder), three times; after a restart every mail
/// is registered exactly once and moved exactly once.
/// </summary>
public sealed class MailboxKillTests : IDisposable
{
    private const int Mails = 150;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-mail-kill-").FullName;
    private readonly HttpClient _client = HostProcess.NewClient(TimeSpan.FromSeconds(30));
    private readonly string _mailbox = MailServer.NewAddress("kill");

    [Fact]
    public async Task Kill_WhileRegisteringMail_RegistersEveryMailExactlyOnceAfterRestart()
    {
        var messages = Enumerable.Range(0, Mails).Select(Mail).ToList();
        await MailServer.AppendAsync(_mailbox, messages);

        var leftAfterKills = new List<int>();
        foreach (var target in new[] { 5, 30, 60 })
        {
            await using var host = Start();
            await host.WaitUntilHealthyAsync(_client);
            await Eventually.True(async () => (await ItemsAsync(host)).Count >= target, $"{target} registered mails", TimeSpan.FromSeconds(90));
            host.Kill();
            leftAfterKills.Add(await MailServer.CountAsync(_mailbox));
        }

        // At least one kill came while the adapter was still working through the inbox.
        Assert.Contains(leftAfterKills, left => left > 0);
        await using var survivor = Start();
        await survivor.WaitUntilHealthyAsync(_client);
        await Eventually.True(async () => (await MailServer.MessagesAsync(_mailbox)).Count == 0, "the inbox folder to empty", TimeSpan.FromSeconds(90));
        await Eventually.True(async () => (await ItemsAsync(survivor)).Count >= Mails, "every mail to reach the registrator's inbox", TimeSpan.FromSeconds(60));

        var items = await ItemsAsync(survivor);
        Assert.Equal(Mails, items.Count);
        Assert.Equal(messages.Select(m => m.Subject).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("subject").GetString()).Order(StringComparer.Ordinal));
        var processed = await MailServer.MessagesAsync(_mailbox, "Registrerat");
        Assert.Equal(Mails, processed.Count);
        Assert.Equal(Mails, processed.Select(m => m.MessageId).Distinct().Count());
    }

    private static MimeMessage Mail(int i)
    {
        var mail = new MimeMessage
        {
            MessageId = MimeUtils.GenerateMessageId("mail.example.com"),
            Subject = string.Create(CultureInfo.InvariantCulture, $"Fråga nr {i:D3} om äldreomsorg på Åsgården"),
            Body = new TextPart("plain") { Text = "Hej!\n\nHur ansöker jag om plats på äldreboende för min mor?\n\nVänliga hälsningar\nÖrjan" },
        };
        mail.From.Add(new MailboxAddress("Örjan Åberg", string.Create(CultureInfo.InvariantCulture, $"orjan.{i}@example.com")));
        return mail;
    }

    private HostProcess Start()
    {
        var (imapHost, imapPort) = TestServers.Imap;
        return HostProcess.Start(
            $"--Hub:Storage:DataDirectory={_dataDirectory}",
            "--Hub:Municipalities:2281:Diaries:KS:Format={series} {year}/{number}",
            "--Hub:Municipalities:2281:CaseTypes:allmant:Diary=KS",
            "--Adapters:Mailbox:kommunen:Municipality=2281",
            $"--Adapters:Mailbox:kommunen:Address={_mailbox}",
            $"--Adapters:Mailbox:kommunen:Imap:Host={imapHost}",
            $"--Adapters:Mailbox:kommunen:Imap:Port={imapPort}",
            "--Adapters:Mailbox:kommunen:Imap:Security=None",
            $"--Adapters:Mailbox:kommunen:Imap:Username={_mailbox}",
            $"--Adapters:Mailbox:kommunen:Imap:Password={TestServers.ImapPassword}",
            "--Adapters:Mailbox:kommunen:Defaults:CaseType=allmant");
    }

    private async Task<List<JsonElement>> ItemsAsync(HostProcess host)
    {
        var page = await (await _client.GetAsync(new Uri(host.BaseAddress, "/api/v1/registrator/inbox?municipality=2281&state=all&limit=1000"))).Json();
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    public void Dispose()
    {
        _client.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
