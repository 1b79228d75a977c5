using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Configuration;

/// <summary>A mailbox configured wrong stops the hub at start with a sentence naming the setting and what to put there.</summary>
public sealed class MailboxConfigurationTests : IDisposable
{
    private const string At = "--Adapters:Mailbox:kommunen:";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-mail-config-").FullName;

    private string[] Valid() =>
    [
        $"--Hub:Storage:DataDirectory={_dataDirectory}",
        "--Hub:Municipalities:2281:Diaries:KS:Format={series} {year}/{number}",
        "--Hub:Municipalities:2281:CaseTypes:allmant:Diary=KS",
        "--Hub:Municipalities:2281:CaseTypes:forskoleplats:DiarySource=platina",
        $"{At}Municipality=2281",
        $"{At}Address=kommunen@sundsvall.example",
        $"{At}Imap:Host=imap.sundsvall.example",
        $"{At}Imap:Username=kommunen@sundsvall.example",
        $"{At}Imap:Password=från-miljövariabeln",
        $"{At}Defaults:CaseType=allmant",
    ];

    [Theory]
    [InlineData("Address=kommunen", "Adapters:Mailbox:kommunen:Address must be the mailbox's own e-mail address")]
    [InlineData("Imap:Host=", "Adapters:Mailbox:kommunen:Imap:Host is required")]
    [InlineData("Imap:Password=", "Adapters:Mailbox:kommunen:Imap:Password is required: set it from an environment variable (Adapters__Mailbox__kommunen__Imap__Password)")]
    [InlineData("Imap:Password=|Imap:PasswordFile=/nonexistent/imap-password", "Adapters:Mailbox:kommunen:Imap:PasswordFile names a file that does not exist")]
    [InlineData("Imap:Port=99999", "Adapters:Mailbox:kommunen:Imap:Port must be between 1 and 65535")]
    [InlineData("Imap:OAuth2:TokenEndpoint=http://login.example.com/token", "Adapters:Mailbox:kommunen:Imap:OAuth2:TokenEndpoint must be an https URL")]
    [InlineData("Municipality=0180", "Adapters:Mailbox:kommunen:Municipality is 0180, which the hub does not serve")]
    [InlineData("Municipality=Sundsvall", "Adapters:Mailbox:kommunen:Municipality must be the municipality's four-digit kommunkod")]
    [InlineData("Defaults:CaseType=forskoleplats", "mail routed by the default to case type 'forskoleplats' would get no diarienummer: set Hub:Municipalities:2281:CaseTypes:forskoleplats:Diary to one of the municipality's diaries (KS)")]
    [InlineData("Defaults:CaseType=", "Adapters:Mailbox:kommunen:Defaults:CaseType must be a case type key")]
    [InlineData("Folders:Processed=INBOX", "Adapters:Mailbox:kommunen:Folders:Processed and Adapters:Mailbox:kommunen:Folders:Review must differ from Adapters:Mailbox:kommunen:Folders:Inbox")]
    [InlineData("Routing:0:Name=bygglov", "Adapters:Mailbox:kommunen:Routing:0 needs at least one condition")]
    [InlineData("Receipts:Enabled=true", "Adapters:Mailbox:kommunen:Receipts:From must be the address receipts are sent from")]
    [InlineData("Imap:Security=Telepathy", "'Telepathy' at 'Adapters:Mailbox:kommunen:Imap:Security'")]
    public async Task Start_WithABadMailboxSetting_ExitsWithCode2AndAClearMessage(string settings, string expected)
    {
        await using var host = HostProcess.Start([.. Valid(), .. settings.Split('|').Select(s => At + s)]);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("IntegrationHub cannot start: ", host.Output, StringComparison.Ordinal);
        Assert.Contains(expected, host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithReceiptsButDeliveryOff_ExitsWithCode2SayingReceiptsNeedDelivery()
    {
        await using var host = HostProcess.Start([.. Valid(), $"{At}Receipts:Enabled=true", $"{At}Receipts:From=diariet@sundsvall.example",
            $"{At}Receipts:Smtp:Host=smtp.sundsvall.example", "--Hub:Delivery:Enabled=false"]);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Adapters:Mailbox:kommunen:Receipts:Enabled needs the hub's delivery (Hub:Delivery:Enabled=true)", host.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
