namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>
/// Sundsvall's hub with two function mailboxes on the test mail server, each at fresh addresses: kommunen (default
/// medborgarforslag in KS, a bygglov rule) and bygglov (default bygglov in SBN); both send receipts from diariet.
/// </summary>
public class MailboxHubFactory : MunicipalHubFactory
{
    public MailboxHubFactory()
    {
        var (imapHost, imapPort) = TestServers.Imap;
        var (smtpHost, smtpPort) = TestServers.Smtp;
        Settings["Hub:Delivery:PollInterval"] = "00:00:00.100";
        Settings["Hub:Delivery:FirstRetryDelay"] = "00:00:00.200";
        Settings["Hub:Delivery:MaxRetryDelay"] = "00:00:00.500";
        Settings["Hub:Delivery:MaxAttempts"] = "4";
        Settings["Hub:Delivery:LeaseDuration"] = "00:00:15";
        Mailbox("kommunen", Kommunen, imapHost, imapPort, smtpHost, smtpPort, "medborgarforslag", "kontaktcenter", "Kontaktcenter");
        Settings["Adapters:Mailbox:kommunen:Routing:0:Name"] = "bygglov";
        Settings["Adapters:Mailbox:kommunen:Routing:0:SubjectKeywords:0"] = "bygglov";
        Settings["Adapters:Mailbox:kommunen:Routing:0:CaseType"] = "bygglov";
        Settings["Adapters:Mailbox:kommunen:Routing:0:Unit"] = "bygglov";
        Settings["Adapters:Mailbox:kommunen:Routing:0:UnitName"] = "Bygglovsenheten";
        Mailbox("bygglov", Bygglov, imapHost, imapPort, smtpHost, smtpPort, "bygglov", "bygglov", "Bygglovsenheten");
    }

    /// <summary>The kommunen@ mailbox's address.</summary>
    public string Kommunen { get; } = MailServer.NewAddress("kommunen");

    /// <summary>The bygglov@ mailbox's address.</summary>
    public string Bygglov { get; } = MailServer.NewAddress("bygglov");

    /// <summary>Where receipts come from.</summary>
    public string Diariet { get; } = MailServer.NewAddress("diariet");

    private void Mailbox(string name, string address, string imapHost, int imapPort, string smtpHost, int smtpPort, string caseType, string unit, string unitName)
    {
        var at = $"Adapters:Mailbox:{name}";
        Settings[$"{at}:Municipality"] = "2281";
        Settings[$"{at}:Address"] = address;
        Settings[$"{at}:Imap:Host"] = imapHost;
        Settings[$"{at}:Imap:Port"] = imapPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"{at}:Imap:Security"] = "None";
        Settings[$"{at}:Imap:Username"] = address;
        Settings[$"{at}:Imap:Password"] = TestServers.ImapPassword;
        Settings[$"{at}:Defaults:CaseType"] = caseType;
        Settings[$"{at}:Defaults:Unit"] = unit;
        Settings[$"{at}:Defaults:UnitName"] = unitName;
        Settings[$"{at}:Receipts:Enabled"] = "true";
        Settings[$"{at}:Receipts:From"] = Diariet;
        Settings[$"{at}:Receipts:FromName"] = "Sundsvalls kommun, registraturen";
        Settings[$"{at}:Receipts:Smtp:Host"] = smtpHost;
        Settings[$"{at}:Receipts:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"{at}:Receipts:Smtp:Security"] = "None";
    }
}

/// <summary>The same mailboxes on PostgreSQL (scale-out).</summary>
public sealed class PostgreSqlMailboxHubFactory : MailboxHubFactory
{
    public PostgreSqlMailboxHubFactory() => PostgreSqlHubFactory.UsePostgreSql(Settings);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            PostgreSqlHubFactory.DropSchema(Settings);
        }
    }
}
