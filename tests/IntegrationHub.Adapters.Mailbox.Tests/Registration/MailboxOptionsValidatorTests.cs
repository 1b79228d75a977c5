namespace IntegrationHub.Adapters.Mailbox.Tests.Registration;

/// <summary>The adapter's own checks of a mailbox's settings (the hub adds its diary rules at start-up).</summary>
public sealed class MailboxOptionsValidatorTests
{
    private static MailboxOptions Valid() => new()
    {
        Municipality = "2281",
        Address = "kommunen@exempelkommun.se",
        Imap = new MailServerOptions { Host = "imap.exempelkommun.se", Port = 993, Username = "kommunen@exempelkommun.se", Password = "hemligt" },
        Defaults = new MailRoute { CaseType = "allmant" },
    };

    private static List<string> Errors(MailboxOptions options) =>
        new MailboxOptionsValidator().Validate("kommunen", options).Failures?.ToList() ?? [];

    [Fact]
    public void AValidMailbox_Passes() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void ADisabledMailbox_IsNotChecked() => Assert.Empty(Errors(new MailboxOptions { Enabled = false }));

    [Fact]
    public void OAuth2_NeedsAnHttpsEndpointAClientAndASecret_InsteadOfAPassword()
    {
        var options = Valid();
        options.Imap.Password = null;
        options.Imap.OAuth2 = new OAuth2Options { TokenEndpoint = new Uri("http://login.example.com/token") };

        var errors = Errors(options);

        Assert.Contains("Adapters:Mailbox:kommunen:Imap:OAuth2:TokenEndpoint must be an https URL, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.", errors);
        Assert.Contains("Adapters:Mailbox:kommunen:Imap:OAuth2:ClientId is required (the application's client id).", errors);
        Assert.Contains(errors, e => e.StartsWith("Adapters:Mailbox:kommunen:Imap:OAuth2:ClientSecret is required", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("Imap:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void ALoopbackTokenEndpoint_MayBePlainHttp()
    {
        var options = Valid();
        options.Imap.OAuth2 = new OAuth2Options { TokenEndpoint = new Uri("http://127.0.0.1:8080/token"), ClientId = "app", ClientSecret = "s" };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void RoutingRules_NeedANameAConditionAndADestination()
    {
        var options = Valid();
        options.Routing.Add(new MailRoutingRule());
        options.Routing.Add(new MailRoutingRule { Name = "x", SubjectKeywords = ["x"], CaseType = "Bygg Lov", Unit = "bygg lov" });

        var errors = Errors(options);

        Assert.Contains("Adapters:Mailbox:kommunen:Routing:0:Name is required: the registrator sees which rule routed a mail.", errors);
        Assert.Contains("Adapters:Mailbox:kommunen:Routing:0 needs at least one condition: Recipients, SenderDomains, SubjectKeywords or BodyKeywords.", errors);
        Assert.Contains("Adapters:Mailbox:kommunen:Routing:0 must route somewhere: set CaseType and/or Unit.", errors);
        Assert.Contains(errors, e => e.StartsWith("Adapters:Mailbox:kommunen:Routing:1:CaseType must be a case type key", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Mailbox:kommunen:Routing:1:Unit must be a unit id", StringComparison.Ordinal));
    }

    [Fact]
    public void Receipts_NeedASenderAndAnSmtpServer()
    {
        var options = Valid();
        options.Receipts.Enabled = true;
        options.Receipts.Interval = TimeSpan.FromMinutes(-1);

        var errors = Errors(options);

        Assert.Contains("Adapters:Mailbox:kommunen:Receipts:From must be the address receipts are sent from, e.g. diariet@kommun.se.", errors);
        Assert.Contains("Adapters:Mailbox:kommunen:Receipts:Smtp:Host is required (the mail server's host name).", errors);
        Assert.Contains(errors, e => e.StartsWith("Adapters:Mailbox:kommunen:Receipts:Interval must not be negative", StringComparison.Ordinal));
    }

    [Fact]
    public void TimesAndSizes_MustBePositive()
    {
        var options = Valid();
        options.PollInterval = TimeSpan.Zero;
        options.MaxMessageBytes = 0;

        var errors = Errors(options);

        Assert.Contains("Adapters:Mailbox:kommunen:PollInterval must be a positive time span, e.g. 00:01:00.", errors);
        Assert.Contains(errors, e => e.StartsWith("Adapters:Mailbox:kommunen:MaxMessageBytes must be a positive number", StringComparison.Ordinal));
    }
}
