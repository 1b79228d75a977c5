using System.Text;
using IntegrationHub.Adapters.Mailbox.Tests.Parsing;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;
using MimeKit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Registration;

/// <summary>One mail in, one canonical event out: which event, with what, stored where.</summary>
public sealed class MailRegistrarTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 2, 8, 14, 3, TimeSpan.FromHours(1));
    private readonly InMemoryHub _hub = new();

    private static MailboxOptions Options() => new()
    {
        Municipality = "2281",
        Address = "kommunen@exempelkommun.se",
        Defaults = new MailRoute { CaseType = "allmant", Unit = "registrator", UnitName = "Registraturen" },
        Routing =
        [
            new MailRoutingRule { Name = "bygglov", SubjectKeywords = ["bygglov"], CaseType = "bygglov", Unit = "bygglov", UnitName = "Bygglovsenheten" },
            new MailRoutingRule { Name = "miljo", Recipients = ["miljo@exempelkommun.se"], CaseType = "miljo", Unit = "miljo" },
        ],
    };

    private MailRegistrar Registrar(MailboxOptions? options = null) => new(options ?? Options(), _hub, _hub);

    private async Task<(CaseEvent Event, bool Readable)> BuildAsync(byte[] raw, MailboxOptions? options = null) =>
        await Registrar(options).BuildAsync(raw, Received, CancellationToken.None);

    private static byte[] Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, stream);
        return stream.ToArray();
    }

    public static TheoryData<string> Samples() => [.. SampleMails.All()];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task EverySample_BecomesOneEventTheSchemaAccepts(string sample)
    {
        var (caseEvent, readable) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path(sample)));

        using var json = System.Text.Json.JsonDocument.Parse(CaseEventFormatter.EncodeStructured(caseEvent));
        Assert.Empty(CaseEventValidator.Default.Validate(json.RootElement));
        Assert.Equal(sample != "16-olasbart-saknar-avsandare.eml", readable);
        Assert.Equal("urn:integrationhub:mailbox:2281", caseEvent.Source);
        Assert.True(caseEvent.Data.Event.IsDiaryEvent);
        Assert.Contains(ReviewReason.AutoRegistered, caseEvent.Data.Review!.Reasons);
        Assert.Equal("kommunen@exempelkommun.se", caseEvent.Data.Review.ReceivedVia);
        // Every file the event names is in the content store, under its hash and size.
        Assert.All(caseEvent.Data.Document!.Attachments!, a => Assert.Equal(a.Size, _hub.Contents[a.Sha256].Content.Length));
    }

    [Fact]
    public async Task ANewMail_OpensACaseWithTheMailAsItsIncomingDocument_RoutedByTheFirstMatchingRule()
    {
        var raw = await File.ReadAllBytesAsync(SampleMails.Path("05-bygglovsansokan-bilagor.eml"));
        var message = SampleMails.Load("05-bygglovsansokan-bilagor.eml");

        var (caseEvent, _) = await BuildAsync(raw);

        Assert.Equal(CaseEventTypes.Opened, caseEvent.Type);
        Assert.Equal(DataClassification.Internal, caseEvent.DataClassification);
        Assert.Equal(("bygglov", "bygglov"), (caseEvent.Data.Case.CaseType, caseEvent.Data.Case.Unit?.Id));
        Assert.Equal("rule 'bygglov': subject keyword 'bygglov'", caseEvent.Data.Review!.Routing);
        var document = caseEvent.Data.Document!;
        Assert.Equal(message.Subject, document.Title);
        Assert.Equal(message.Subject, caseEvent.Data.Case.Title);
        Assert.Equal(DocumentDirection.Incoming, document.Direction);
        Assert.Equal(Received, document.Date);
        Assert.Equal("E-post", document.DocumentType);
        Assert.Equal(message.MessageId, document.DocumentId);
        Assert.Equal(message.From.Mailboxes.Single().Address, document.Sender!.Email);
        Assert.Equal(message.From.Mailboxes.Single().Name, document.Sender.Name);
        var names = document.Attachments!.Select(a => a.Name).ToList();
        Assert.Equal(["meddelande.eml", "meddelande.txt"], names.Take(2));
        Assert.Equal(raw, _hub.Contents[document.Attachments![0].Sha256].Content.ToArray());
        Assert.Equal(2 + message.Attachments.Count(), names.Count);
        Assert.StartsWith("mail-", caseEvent.Id, StringComparison.Ordinal);
        Assert.Equal(caseEvent.Id, caseEvent.Data.Case.SourceCaseId);
    }

    [Fact]
    public async Task AMailNoRuleMatches_GoesToTheMailboxDefault()
    {
        var (caseEvent, _) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path("03-snorojning-html-only.eml")));

        Assert.Equal(("allmant", "registrator", "Registraturen"), (caseEvent.Data.Case.CaseType, caseEvent.Data.Case.Unit?.Id, caseEvent.Data.Case.Unit?.Name));
        Assert.Equal("the mailbox's default", caseEvent.Data.Review!.Routing);
    }

    [Fact]
    public async Task APersonnummer_RaisesTheClassificationToConfidentialAndFlagsIt()
    {
        var (caseEvent, _) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path("13-ekonomiskt-bistand-personnummer.eml")));

        Assert.Equal(DataClassification.Confidential, caseEvent.DataClassification);
        Assert.Equal([ReviewReason.AutoRegistered, ReviewReason.PersonalData], caseEvent.Data.Review!.Reasons);
    }

    [Fact]
    public async Task ASecrecyWord_RaisesTheClassificationToRestrictedAndFlagsIt()
    {
        var message = SampleMails.Load("01-bygglov-fraga-utf8.eml");
        message.Subject = "Orosanmälan gällande granne";

        var (caseEvent, _) = await BuildAsync(Raw(message));

        Assert.Equal(DataClassification.Restricted, caseEvent.DataClassification);
        Assert.Contains(ReviewReason.SuspectedSecrecy, caseEvent.Data.Review!.Reasons);
    }

    [Fact]
    public async Task AReplyToAReceipt_IsADocumentOnThatCase_KeepingItsTypeAndUnit()
    {
        var caseId = Guid.Parse("0190c5a2-e0b7-4d2c-9f1e-3a4b5c6d7e8f");
        _hub.Cases.Add(caseId);

        var (caseEvent, _) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path("12-svar-pa-kvittens.eml")));

        Assert.Equal(CaseEventTypes.DocumentRegistered, caseEvent.Type);
        Assert.Equal(caseId, caseEvent.Data.Case.HubCaseId);
        Assert.Null(caseEvent.Data.Case.CaseType);
        Assert.Null(caseEvent.Data.Case.Unit);
        Assert.Null(caseEvent.Data.Case.Title);
        Assert.Equal("a known case: a reply to the hub's receipt", caseEvent.Data.Review!.Routing);
    }

    [Fact]
    public async Task AReplyToAReceiptOfAnUnknownCase_OpensANewCase()
    {
        var (caseEvent, _) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path("12-svar-pa-kvittens.eml")));

        Assert.Equal(CaseEventTypes.Opened, caseEvent.Type);
        Assert.Null(caseEvent.Data.Case.HubCaseId);
    }

    [Fact]
    public async Task ADiarienummerTheHubKnows_InTheSubject_MakesItADocumentOnThatCase()
    {
        var caseId = Guid.NewGuid();
        _hub.Diarienummer["BN 2026/45"] = caseId;

        var (caseEvent, _) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path("11-komplettering-bn-2026-45.eml")));

        Assert.Equal(CaseEventTypes.DocumentRegistered, caseEvent.Type);
        Assert.Equal(caseId, caseEvent.Data.Case.HubCaseId);
        Assert.Equal("a known case: a diarienummer in the subject", caseEvent.Data.Review!.Routing);
    }

    [Fact]
    public async Task AnUnreadableMail_IsRegisteredAsItsOriginalOnly_WithTheReasonForTheRegistrator()
    {
        var raw = await File.ReadAllBytesAsync(SampleMails.Path("16-olasbart-saknar-avsandare.eml"));

        var (caseEvent, readable) = await BuildAsync(raw);

        Assert.False(readable);
        Assert.Equal(DataClassification.Confidential, caseEvent.DataClassification);
        Assert.Equal([ReviewReason.AutoRegistered, ReviewReason.Unparseable], caseEvent.Data.Review!.Reasons);
        Assert.Contains("saknar avsändare", caseEvent.Data.Review.Note, StringComparison.Ordinal);
        Assert.Contains("Granska", caseEvent.Data.Review.Note, StringComparison.Ordinal);
        var original = Assert.Single(caseEvent.Data.Document!.Attachments!);
        Assert.Equal(raw, _hub.Contents[original.Sha256].Content.ToArray());
        Assert.Equal("allmant", caseEvent.Data.Case.CaseType);
    }

    [Fact]
    public async Task AMailOverTheSizeLimit_IsRegisteredAsItsOriginalForReview()
    {
        var options = Options();
        options.MaxMessageBytes = 1024;

        var (caseEvent, readable) = await BuildAsync(await File.ReadAllBytesAsync(SampleMails.Path("05-bygglovsansokan-bilagor.eml")), options);

        Assert.False(readable);
        Assert.Contains("större än gränsen", caseEvent.Data.Review!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameMailTwice_GetsTheSameEventId_AndAnotherMailReusingItsMessageIdDoesNot()
    {
        var raw = await File.ReadAllBytesAsync(SampleMails.Path("17-kopia-till-tva-funktionsbrevlador.eml"));
        var copy = SampleMails.Load("17-kopia-till-tva-funktionsbrevlador.eml");
        copy.Headers.Add("Delivered-To", "bygglov@exempelkommun.se");
        var other = SampleMails.Load("17-kopia-till-tva-funktionsbrevlador.eml");
        other.Subject = "Ett helt annat ärende";

        var first = (await BuildAsync(raw)).Event.Id;
        var second = (await BuildAsync(Raw(copy))).Event.Id;
        var third = (await BuildAsync(Raw(other))).Event.Id;

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public async Task AMailWithoutMessageId_IsKeyedByItsBytes()
    {
        var message = SampleMails.Load("01-bygglov-fraga-utf8.eml");
        message.Headers.Remove(HeaderId.MessageId);
        var raw = Raw(message);

        var (caseEvent, _) = await BuildAsync(raw);

        Assert.StartsWith("mail-raw-", caseEvent.Id, StringComparison.Ordinal);
        Assert.Equal(caseEvent.Id, (await BuildAsync(raw)).Event.Id);
        Assert.NotEqual(caseEvent.Id, (await BuildAsync([.. raw, .. Encoding.ASCII.GetBytes("\r\n")])).Event.Id);
    }
}
