using IntegrationHub.Adapters.Mailbox.Parsing;

namespace IntegrationHub.Adapters.Mailbox.Tests.Registration;

/// <summary>Routing rules: any condition matches, the first matching rule wins, unmatched mail takes the default.</summary>
public sealed class MailRouterTests
{
    private static readonly MailboxOptions Options = new()
    {
        Defaults = new MailRoute { CaseType = "allmant" },
        Routing =
        [
            new MailRoutingRule { Name = "miljo", Recipients = ["Miljo@Exempelkommun.se"], CaseType = "miljo" },
            new MailRoutingRule { Name = "lansstyrelsen", SenderDomains = ["lansstyrelsen.se"], CaseType = "remiss" },
            new MailRoutingRule { Name = "bygglov", SubjectKeywords = ["bygglov", "strandskydd"], CaseType = "bygglov" },
            new MailRoutingRule { Name = "socialtjansten", BodyKeywords = ["försörjningsstöd"], CaseType = "ekonomiskt-bistand" },
        ],
    };

    private static ReadMail Mail(string from = "anna@example.com", string to = "kommunen@exempelkommun.se", string subject = "Fråga", string body = "Hej!") => new()
    {
        From = new MailContact("Anna", from),
        To = [new MailContact(null, to)],
        Subject = subject,
        BodyText = body,
    };

    [Theory]
    [InlineData("anna@example.com", "miljo@exempelkommun.se", "Fråga", "Hej", "miljo", "rule 'miljo': recipient miljo@exempelkommun.se")]
    [InlineData("handlaggare@lansstyrelsen.se", "kommunen@exempelkommun.se", "Remiss", "Hej", "remiss", "rule 'lansstyrelsen': sender domain lansstyrelsen.se")]
    [InlineData("handlaggare@x.lansstyrelsen.se", "kommunen@exempelkommun.se", "Remiss", "Hej", "remiss", "rule 'lansstyrelsen': sender domain lansstyrelsen.se")]
    [InlineData("anna@notlansstyrelsen.se", "kommunen@exempelkommun.se", "Remiss", "Hej", "allmant", "the mailbox's default")]
    [InlineData("anna@example.com", "kommunen@exempelkommun.se", "BYGGLOV för garage", "Hej", "bygglov", "rule 'bygglov': subject keyword 'bygglov'")]
    [InlineData("anna@example.com", "kommunen@exempelkommun.se", "Dispens från Strandskydd", "Hej", "bygglov", "rule 'bygglov': subject keyword 'strandskydd'")]
    [InlineData("anna@example.com", "kommunen@exempelkommun.se", "Fråga", "Hur söker jag FÖRSÖRJNINGSSTÖD?", "ekonomiskt-bistand", "rule 'socialtjansten': body keyword 'försörjningsstöd'")]
    [InlineData("anna@example.com", "kommunen@exempelkommun.se", "Fråga om bygglov", "försörjningsstöd", "bygglov", "rule 'bygglov': subject keyword 'bygglov'")]
    [InlineData("anna@example.com", "kommunen@exempelkommun.se", "Snöröjning", "Hej", "allmant", "the mailbox's default")]
    public void Route_TakesTheFirstRuleWithAMatchingCondition(string from, string to, string subject, string body, string caseType, string explanation)
    {
        var decision = MailRouter.Route(Options, Mail(from, to, subject, body));

        Assert.Equal(caseType, decision.Route.CaseType);
        Assert.Equal(explanation, decision.Explanation);
    }

    [Fact]
    public void Route_MatchesACcRecipientToo()
    {
        var mail = Mail() with { Cc = [new MailContact(null, "miljo@exempelkommun.se")] };

        Assert.Equal("miljo", MailRouter.Route(Options, mail).Route.CaseType);
    }
}
