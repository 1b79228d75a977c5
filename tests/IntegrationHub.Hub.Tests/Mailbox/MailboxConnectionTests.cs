using System.Globalization;
using System.Text.Json;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Hub.Tests.Mailbox;

/// <summary>How the adapter talks to its server: it comes back after the server went away, and it logs in with OAuth2 (XOAUTH2).</summary>
public sealed class MailboxConnectionTests
{
    [Fact]
    public async Task WhenTheServerGoesAwayAndComesBack_TheAdapterReconnectsAndRegistersWhatArrivedMeanwhile()
    {
        var (imapHost, imapPort) = TestServers.Imap;
        await using var proxy = new TcpProxy(imapHost, imapPort);
        using var hub = new MunicipalHubFactory();
        var address = MailServer.NewAddress("kommunen");
        Configure(hub, address, "127.0.0.1", proxy.Port);
        hub.Settings["Adapters:Mailbox:kommunen:MaxReconnectDelay"] = "00:00:01";
        hub.Settings["Adapters:Mailbox:kommunen:Imap:Password"] = TestServers.ImapPassword;
        using var client = hub.CreateClient();
        await MailServer.SendAsync(Mail(address, "Före avbrottet"));
        await WaitForSubjectAsync(client, "Före avbrottet");

        proxy.Fail();
        await Eventually.True(async () => (await Status(client)).GetProperty("failuresSinceSuccess").GetInt32() > 0, "the adapter to notice the server is gone");
        Assert.False((await Status(client)).GetProperty("connected").GetBoolean());
        await MailServer.SendAsync(Mail(address, "Under avbrottet"));
        proxy.Restore();

        await WaitForSubjectAsync(client, "Under avbrottet");
        var status = await Status(client);
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.True(proxy.Accepted >= 2);
        Assert.Equal(2, status.GetProperty("registered").GetInt64());
    }

    [Fact]
    public async Task WithOAuth2_TheAdapterGetsAClientCredentialsTokenAndLogsInWithXoauth2()
    {
        using var tokens = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        tokens.Given(Request.Create().WithPath("/tenant/oauth2/v2.0/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"token_type":"Bearer","expires_in":3599,"access_token":"{{TestServers.ImapPassword}}"}"""));
        var (imapHost, imapPort) = TestServers.Imap;
        using var hub = new MunicipalHubFactory();
        var address = MailServer.NewAddress("kommunen");
        Configure(hub, address, imapHost, imapPort);
        hub.Settings["Adapters:Mailbox:kommunen:Imap:OAuth2:TokenEndpoint"] = $"{tokens.Url}/tenant/oauth2/v2.0/token";
        hub.Settings["Adapters:Mailbox:kommunen:Imap:OAuth2:ClientId"] = "3f2b1c0d-registratur";
        hub.Settings["Adapters:Mailbox:kommunen:Imap:OAuth2:ClientSecret"] = "client-secret-from-env";
        using var client = hub.CreateClient();

        await MailServer.SendAsync(Mail(address, "Via Exchange Online"));

        await WaitForSubjectAsync(client, "Via Exchange Online");
        var request = Assert.Single(tokens.LogEntries).RequestMessage;
        var form = request.Body!.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("3f2b1c0d-registratur", form["client_id"]);
        Assert.Equal("client-secret-from-env", form["client_secret"]);
        Assert.Equal("https://outlook.office365.com/.default", form["scope"]);
    }

    private static void Configure(WebApplicationFactory<Program> factory, string address, string host, int port)
    {
        var settings = ((HubFactory)factory).Settings;
        settings["Adapters:Mailbox:kommunen:Municipality"] = "2281";
        settings["Adapters:Mailbox:kommunen:Address"] = address;
        settings["Adapters:Mailbox:kommunen:Imap:Host"] = host;
        settings["Adapters:Mailbox:kommunen:Imap:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Adapters:Mailbox:kommunen:Imap:Security"] = "None";
        settings["Adapters:Mailbox:kommunen:Imap:Username"] = address;
        settings["Adapters:Mailbox:kommunen:Defaults:CaseType"] = "medborgarforslag";
    }

    private static MimeKit.MimeMessage Mail(string to, string subject)
    {
        var mail = new MimeKit.MimeMessage { Subject = subject, Body = new MimeKit.TextPart("plain") { Text = "Hej! Ett meddelande till kommunen." } };
        mail.From.Add(new MimeKit.MailboxAddress("Märta Öhman", MailServer.NewAddress("marta", "example.com")));
        mail.To.Add(MimeKit.MailboxAddress.Parse(to));
        return mail;
    }

    private static async Task<JsonElement> Status(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/adapters/mailboxes")).Json()).EnumerateArray().Single();

    private static Task WaitForSubjectAsync(HttpClient client, string subject) =>
        Eventually.True(async () => (await (await client.GetAsync("/api/v1/registrator/inbox?municipality=2281&state=all&limit=1000")).Json())
            .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("subject").GetString() == subject), $"'{subject}' in the inbox", TimeSpan.FromSeconds(60));
}
