using IntegrationHub.Adapters.Mailbox.Parsing;

namespace IntegrationHub.Adapters.Mailbox.Tests.Registration;

/// <summary>The receipt's Message-ID names the case, so a reply finds it; other ids are ignored.</summary>
public sealed class MailKeysTests
{
    [Fact]
    public void AReceiptId_IsFoundInInReplyToOrReferences()
    {
        var caseId = Guid.NewGuid();
        var receipt = MailKeys.ReceiptMessageId(caseId, 4711, "exempelkommun.se");

        Assert.Equal(caseId, MailKeys.RepliedCase(new ReadMail { InReplyTo = [receipt] }));
        Assert.Equal(caseId, MailKeys.RepliedCase(new ReadMail { InReplyTo = ["CAH4m1x@mail.example.org"], References = ["first@example.org", receipt] }));
        Assert.Null(MailKeys.RepliedCase(new ReadMail { InReplyTo = ["CAH4m1x@mail.example.org"], References = ["kvittens.not-a-guid.1@exempelkommun.se"] }));
        Assert.Null(MailKeys.RepliedCase(new ReadMail()));
    }

    [Fact]
    public void TheSource_IsOnePerMunicipality_SoCopiesInTwoMailboxesAreOneEvent()
    {
        Assert.Equal("urn:integrationhub:mailbox:2281", MailKeys.Source("2281"));
        Assert.NotEqual(MailKeys.Source("2281"), MailKeys.Source("0180"));
    }
}
