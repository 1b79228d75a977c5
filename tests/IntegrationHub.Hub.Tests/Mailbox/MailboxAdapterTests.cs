using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using IntegrationHub.Hub.Adapters;
using IntegrationHub.Hub.Tests.Infrastructure;
using MimeKit;

namespace IntegrationHub.Hub.Tests.Mailbox;

/// <summary>
/// Function mailboxes end to end against the real mail stack: mail sent over SMTP lands in Dovecot, the adapter reads it
/// over IMAP, the hub registers it, the registrator's inbox lists it and the sender gets a receipt back over SMTP.
/// </summary>
public sealed class MailboxAdapterTests(MailboxHubFactory hub) : IClassFixture<MailboxHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    private async Task<JsonElement> WaitForItemAsync(Func<JsonElement, bool> match, string what, TimeSpan? timeout = null)
    {
        JsonElement found = default;
        await Eventually.True(async () =>
        {
            var page = await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&state=all&limit=1000")).Json();
            var hit = page.GetProperty("items").EnumerateArray().Where(match).ToList();
            if (hit.Count > 0)
            {
                found = hit[0];
                return true;
            }

            return false;
        }, what, timeout);
        return found;
    }

    private async Task<List<JsonElement>> ItemsAsync(Func<JsonElement, bool> match)
    {
        var page = await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&state=all&limit=1000")).Json();
        return [.. page.GetProperty("items").EnumerateArray().Where(match)];
    }

    private static Func<JsonElement, bool> From(string sender) => i => i.TryGetProperty("sender", out var s) && s.TryGetProperty("email", out var e) && e.GetString() == sender;

    private static bool IsReceipt(MimeMessage message) => message.Subject?.StartsWith("Mottagningsbekräftelse", StringComparison.Ordinal) == true;

    private static Task<MimeMessage> ReceiptAsync(string sender) =>
        MailServer.WaitForAsync(sender, IsReceipt, "the receipt to reach the sender");

    [Fact]
    public async Task AMailWithAttachments_IsRegisteredWithEveryFile_MovedToProcessed_AndAnsweredWithAThreadedReceipt()
    {
        var sender = MailServer.NewAddress("anna", "example.com");
        var mail = MailServer.Sample("05-bygglovsansokan-bilagor.eml", sender, hub.Kommunen);
        await MailServer.SendAsync(mail);

        var item = await WaitForItemAsync(From(sender), "the mail in the registrator's inbox");

        // Routed by the bygglov rule (subject keyword) to the bygglov case type, which SBN registers.
        Assert.Matches("^SBN-2026/[0-9]{4}$", item.GetProperty("diarienummer").GetString());
        Assert.Equal("bygglov", item.GetProperty("caseType").GetString());
        Assert.Equal("bygglov", item.GetProperty("unit").GetProperty("id").GetString());
        Assert.Equal("rule 'bygglov': subject keyword 'bygglov'", item.GetProperty("routing").GetString());
        Assert.Equal(mail.Subject, item.GetProperty("subject").GetString());
        Assert.Equal(hub.Kommunen, item.GetProperty("receivedVia").GetString());
        var attachments = item.GetProperty("attachments").EnumerateArray().ToList();
        // The original as the server holds it (the mail servers added their trace headers).
        var original = Assert.Single(attachments, a => a.GetProperty("name").GetString() == "meddelande.eml");
        using (var eml = new MemoryStream(await _client.GetByteArrayAsync(original.GetProperty("reference").GetString())))
        {
            Assert.Equal(mail.MessageId, (await MimeMessage.LoadAsync(eml)).MessageId);
        }

        foreach (var part in mail.Attachments.OfType<MimePart>())
        {
            var content = Decoded(part);
            var attachment = Assert.Single(attachments, a => a.GetProperty("sha256").GetString() == Convert.ToHexStringLower(SHA256.HashData(content)));
            // Kept as sent, except what a file system refuses (':' in "Åsen 3:14").
            Assert.Equal(part.FileName!.Replace(':', '_'), attachment.GetProperty("name").GetString());
            Assert.Equal(content, await _client.GetByteArrayAsync(attachment.GetProperty("reference").GetString()));
        }

        Assert.Equal(2 + mail.Attachments.Count(), attachments.Count);

        Assert.Contains(attachments, a => a.GetProperty("name").GetString() == "meddelande.txt");
        await Eventually.True(async () => (await MailServer.MessagesAsync(hub.Kommunen, "Registrerat")).Any(m => m.MessageId == mail.MessageId), "the mail to move to Registrerat");
        Assert.DoesNotContain(await MailServer.MessagesAsync(hub.Kommunen), m => m.MessageId == mail.MessageId);

        var receipt = await ReceiptAsync(sender);
        var diarienummer = item.GetProperty("diarienummer").GetString()!;
        Assert.Equal($"Mottagningsbekräftelse {diarienummer}", receipt.Subject);
        Assert.Equal(mail.MessageId, receipt.InReplyTo);
        Assert.Contains(mail.MessageId, receipt.References);
        Assert.Equal(hub.Diariet, receipt.From.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", receipt.Headers["Auto-Submitted"]);
        Assert.Contains($"registrerat det med diarienummer {diarienummer} som handling 1.", receipt.TextBody, StringComparison.Ordinal);
        // No case details in the receipt: neither the subject nor the attachments' names.
        Assert.DoesNotContain(mail.Subject!, receipt.TextBody, StringComparison.Ordinal);
        Assert.Empty(receipt.Attachments);
    }

    [Fact]
    public async Task AReplyToTheReceipt_IsRegisteredOnTheSameCaseAsItsNextDocument()
    {
        var sender = MailServer.NewAddress("orjan", "example.org");
        await MailServer.SendAsync(MailServer.Sample("02-miljo-buller-latin1-qp.eml", sender, hub.Kommunen));
        var first = await WaitForItemAsync(From(sender), "the first mail");
        var receipt = await ReceiptAsync(sender);

        var reply = MailServer.Sample("12-svar-pa-kvittens.eml", sender, hub.Diariet);
        reply.To.Clear();
        reply.To.Add(MailboxAddress.Parse(hub.Kommunen));
        reply.InReplyTo = receipt.MessageId;
        reply.References.Clear();
        reply.References.Add(receipt.MessageId!);
        reply.Subject = "Re: " + receipt.Subject;
        await MailServer.SendAsync(reply);

        var second = await WaitForItemAsync(i => From(sender)(i) && i.GetProperty("sequence").GetInt64() != first.GetProperty("sequence").GetInt64(), "the reply");
        Assert.Equal(first.GetProperty("diarienummer").GetString(), second.GetProperty("diarienummer").GetString());
        Assert.Equal(first.GetProperty("caseId").GetString(), second.GetProperty("caseId").GetString());
        Assert.Equal(2, second.GetProperty("documentNumber").GetInt32());
        Assert.Equal("a known case: a reply to the hub's receipt", second.GetProperty("routing").GetString());
    }

    [Fact]
    public async Task ADiarienummerInTheSubject_RegistersTheMailOnThatCase()
    {
        var existing = new Scenario(_client, "platina", $"P-{Guid.NewGuid():N}", "medborgarforslag");
        await existing.Post(existing.Event(Canonical.Model.CaseEventTypes.Opened, "Ditt medborgarförslag har kommit in", diaryEvent: true));
        var details = await existing.Details();
        var diarienummer = details.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString()!;
        var sender = MailServer.NewAddress("marta", "example.net");
        var mail = MailServer.Sample("11-komplettering-bn-2026-45.eml", sender, hub.Kommunen);
        mail.Subject = $"Komplettering till ärende {diarienummer}";
        await MailServer.SendAsync(mail);

        var item = await WaitForItemAsync(From(sender), "the completion");

        Assert.Equal(diarienummer, item.GetProperty("diarienummer").GetString());
        Assert.Equal(details.GetProperty("case").GetProperty("id").GetString(), item.GetProperty("caseId").GetString());
        Assert.Equal(2, item.GetProperty("documentNumber").GetInt32());
        Assert.Equal("a known case: a diarienummer in the subject", item.GetProperty("routing").GetString());
    }

    [Fact]
    public async Task APersonnummer_RaisesTheClassificationAndFlagsTheMail_AndNeverReachesTheLogs()
    {
        var sender = MailServer.NewAddress("tolvan", "example.com");
        await MailServer.SendAsync(MailServer.Sample("13-ekonomiskt-bistand-personnummer.eml", sender, hub.Kommunen));

        var item = await WaitForItemAsync(From(sender), "the mail with a personnummer");

        Assert.True(item.GetProperty("flags").GetProperty("personalData").GetBoolean());
        Assert.Equal("confidential", item.GetProperty("classification").GetString());
        await ReceiptAsync(sender);
        var logs = string.Join('\n', hub.Logs.Lines);
        Assert.DoesNotContain("1212121212", logs.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(sender, logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnreadableMail_IsRegisteredAsItsOriginal_MovedToTheReviewFolder_AndFlaggedWithTheReason()
    {
        var marker = Guid.NewGuid().ToString("N");
        var raw = await File.ReadAllTextAsync(RepositoryFiles.In("samples/mail", "16-olasbart-saknar-avsandare.eml").Single());
        var unreadable = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        unreadable.Subject += " " + marker;
        await MailServer.AppendAsync(hub.Kommunen, [unreadable]);

        await Eventually.True(async () => (await MailServer.MessagesAsync(hub.Kommunen, "Granska")).Any(m => m.Subject?.EndsWith(marker, StringComparison.Ordinal) == true), "the mail to move to Granska");
        var item = await WaitForItemAsync(i => i.GetProperty("flags").GetProperty("unparseable").GetBoolean()
            && i.GetProperty("receivedVia").GetString() == hub.Kommunen, "the unreadable mail in the inbox");
        Assert.Contains("saknar avsändare", item.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Matches("^KS 2026/[0-9]+$", item.GetProperty("diarienummer").GetString());
        var original = Assert.Single(item.GetProperty("attachments").EnumerateArray());
        Assert.Contains(marker, System.Text.Encoding.UTF8.GetString(await _client.GetByteArrayAsync(original.GetProperty("reference").GetString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMailCopiedToTwoFunctionMailboxes_IsRegisteredOnce()
    {
        var sender = MailServer.NewAddress("eva", "example.org");
        var mail = MailServer.Sample("17-kopia-till-tva-funktionsbrevlador.eml", sender, hub.Bygglov, cc: hub.Kommunen);
        await MailServer.SendAsync(mail);

        await Eventually.True(async () => (await MailServer.MessagesAsync(hub.Kommunen, "Registrerat")).Any(m => m.MessageId == mail.MessageId)
            && (await MailServer.MessagesAsync(hub.Bygglov, "Registrerat")).Any(m => m.MessageId == mail.MessageId), "both mailboxes to register the copy");

        // The pipeline lists it a moment after the intake accepted it (and the mail was moved).
        await WaitForItemAsync(From(sender), "the copy in the registrator's inbox");
        var item = Assert.Single(await ItemsAsync(From(sender)));
        // One receipt, from the mailbox that registered it; the other mailbox's sink passes.
        await ReceiptAsync(sender);
        var sequence = item.GetProperty("sequence").GetInt64();
        var outcomes = new[] { await SinkDeliveryAsync("kommunen", sequence), await SinkDeliveryAsync("bygglov", sequence) };
        Assert.Single(outcomes, d => d.GetProperty("state").GetString() == "Delivered");
        Assert.Single(outcomes, d => d.GetProperty("state").GetString() == "Skipped" && d.GetProperty("lastError").GetString() == "Registered through another mailbox.");
        Assert.Single(await MailServer.MessagesAsync(sender), IsReceipt);
    }

    [Theory]
    [InlineData("07-franvaromeddelande-autosvar.eml", "auto-reply")]
    [InlineData("08-studsat-meddelande-dsn.eml", "bounce")]
    [InlineData("09-nyhetsbrev-lista.eml", "mailing list")]
    public async Task AutomaticMail_IsRegisteredButGetsNoReceipt(string sample, string reason)
    {
        var sender = MailServer.NewAddress("robot", "example.com");
        await MailServer.SendAsync(MailServer.Sample(sample, sender, hub.Kommunen), envelopeFrom: sender);

        var item = await WaitForItemAsync(From(sender), "the automatic mail");

        var delivery = await SinkDeliveryAsync("kommunen", item.GetProperty("sequence").GetInt64());
        Assert.Equal("Skipped", delivery.GetProperty("state").GetString());
        Assert.Contains(reason, delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await MailServer.MessagesAsync(sender), IsReceipt);
    }

    [Fact]
    public async Task MailFromANoReplyAddressOrTheHubItself_GetsNoReceipt()
    {
        var noReply = $"no-reply+{Guid.NewGuid():N}"[..17] + "@example.com";
        await MailServer.SendAsync(MailServer.Sample("14-e-tjanst-no-reply.eml", noReply, hub.Kommunen));
        await MailServer.SendAsync(MailServer.Sample("15-egen-kvittens-loop.eml", hub.Diariet, hub.Kommunen));

        var fromService = await WaitForItemAsync(From(noReply), "the e-service's mail");
        var fromHub = await WaitForItemAsync(From(hub.Diariet), "the hub's own mail");

        Assert.Contains("no-reply", (await SinkDeliveryAsync("kommunen", fromService.GetProperty("sequence").GetInt64())).GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("own address", (await SinkDeliveryAsync("kommunen", fromHub.GetProperty("sequence").GetInt64())).GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondMailFromTheSameSenderWithinTheInterval_GetsNoSecondReceipt()
    {
        var sender = MailServer.NewAddress("ivar", "example.net");
        await MailServer.SendAsync(MailServer.Sample("01-bygglov-fraga-utf8.eml", sender, hub.Kommunen));
        await ReceiptAsync(sender);
        await MailServer.SendAsync(MailServer.Sample("04-skolplacering-alternative.eml", sender, hub.Kommunen));

        await Eventually.True(async () => (await ItemsAsync(From(sender))).Count == 2, "both mails registered");
        var second = (await ItemsAsync(From(sender)))[0];
        var delivery = await SinkDeliveryAsync("kommunen", second.GetProperty("sequence").GetInt64());
        Assert.Equal("Skipped", delivery.GetProperty("state").GetString());
        Assert.Contains("within the interval", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Single(await MailServer.MessagesAsync(sender), IsReceipt);
    }

    [Theory]
    [InlineData("01-bygglov-fraga-utf8.eml")]
    [InlineData("02-miljo-buller-latin1-qp.eml")]
    [InlineData("03-snorojning-html-only.eml")]
    [InlineData("04-skolplacering-alternative.eml")]
    [InlineData("06-vidarebefordrat-medborgarmejl.eml")]
    [InlineData("10-signerat-smime.eml")]
    [InlineData("18-overklagande-outlook-base64.eml")]
    public async Task RealisticMail_IsRegisteredWithItsSwedishSubjectFilesAndText(string sample)
    {
        var sender = MailServer.NewAddress("citizen", "example.com");
        var mail = MailServer.Sample(sample, sender, hub.Kommunen);
        await MailServer.SendAsync(mail);

        var item = await WaitForItemAsync(From(sender), $"{sample} in the inbox");

        Assert.Equal(mail.Subject!.Trim(), item.GetProperty("subject").GetString());
        var names = item.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal("meddelande.eml", names[0]);
        Assert.Contains("meddelande.txt", names);
        var text = await _client.GetStringAsync(item.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "meddelande.txt").GetProperty("reference").GetString());
        Assert.Matches("[åäöÅÄÖ]", text);
        foreach (var attachment in mail.Attachments.OfType<MimePart>())
        {
            Assert.Contains(attachment.FileName!.Replace(':', '_'), names);
        }
    }

    [Fact]
    public async Task ATenMegabyteAttachment_IsStoredWhole()
    {
        var sender = MailServer.NewAddress("arkitekt", "example.com");
        var content = new byte[10 * 1024 * 1024 + 123];
        new Random(2281).NextBytes(content);
        var builder = new BodyBuilder { TextBody = "Hej! Här kommer bygghandlingarna för Storgatan 5. Vänliga hälsningar, Åsa" };
        builder.Attachments.Add("Bygghandlingar Storgatan 5.pdf", content, new ContentType("application", "pdf"));
        var mail = new MimeMessage { Subject = "Bygghandlingar för Storgatan 5", Body = builder.ToMessageBody() };
        mail.From.Add(new MailboxAddress("Åsa Arkitekt", sender));
        mail.To.Add(MailboxAddress.Parse(hub.Kommunen));
        await MailServer.SendAsync(mail);

        var item = await WaitForItemAsync(From(sender), "the large mail", TimeSpan.FromSeconds(60));

        var pdf = item.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Bygghandlingar Storgatan 5.pdf");
        Assert.Equal(content.Length, pdf.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), pdf.GetProperty("sha256").GetString());
        Assert.Equal(content, await _client.GetByteArrayAsync(pdf.GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task TheMailboxesReportTheirHealth()
    {
        await Eventually.True(async () =>
        {
            var status = await (await _client.GetAsync("/api/v1/adapters/mailboxes")).Json();
            return status.EnumerateArray().Count(s => s.GetProperty("connected").GetBoolean() && s.TryGetProperty("lastCheckedAt", out _)) == 2;
        }, "both mailboxes to report connected");
    }

    private async Task<JsonElement> SinkDeliveryAsync(string mailbox, long sequence)
    {
        var subscription = AdapterSinkSubscriptions.SubscriptionId($"mailbox-receipts/{mailbox}", "2281");
        JsonElement found = default;
        await Eventually.True(async () =>
        {
            var response = await _client.GetAsync($"/api/v1/subscriptions/{subscription}/deliveries?state=delivered,skipped,deadLettered&limit=1000");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var hit = (await response.Json()).EnumerateArray().Where(d => d.GetProperty("sequence").GetInt64() == sequence).ToList();
            found = hit.FirstOrDefault();
            return hit.Count > 0;
        }, $"the receipt sink to finish event {sequence}");
        return found;
    }

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
