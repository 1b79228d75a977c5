using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Mailbox.Parsing;
using MimeKit;
using MimeKit.Cryptography;
using Xunit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

public class MailReaderSampleTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    private static ReadMail Read(string fileName)
    {
        using var stream = SampleMails.Open(fileName);
        return MailReader.Read(stream);
    }

    public static TheoryData<string> ReadableSamples()
    {
        var data = new TheoryData<string>();
        foreach (var name in SampleMails.All().Where(n => !n.StartsWith("16-", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Sample01_plain_utf8_question_with_encoded_word_subject()
    {
        var mail = Read("01-bygglov-fraga-utf8.eml");

        Assert.Equal("Fråga om bygglov för attefallshus på Björkvägen 12", mail.Subject);
        Assert.Equal(new MailContact("Anna Lindqvist", "anna.lindqvist@example.com"), mail.From);
        Assert.Equal(new MailContact("Bygglov Exempelkommun", "bygglov@exempelkommun.se"), Assert.Single(mail.To));
        Assert.Empty(mail.Cc);
        Assert.Equal("3f1c9a2e-7b41-4d0e-9a55-0c1d2e3f4a01@mail.example.com", mail.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 8, 13, 57, Cet), mail.Date);
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.StartsWith("Hej!\n\nJag äger fastigheten Björkvägen 12", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("attefallshus på 25 kvadratmeter i trädgården", mail.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", mail.BodyText, StringComparison.Ordinal);
        Assert.Empty(mail.Parts);
        Assert.Empty(mail.InReplyTo);
        Assert.False(mail.IsSigned);
        Assert.False(mail.IsEncrypted);
    }

    [Fact]
    public void Sample02_iso_8859_1_quoted_printable_body_and_headers()
    {
        var mail = Read("02-miljo-buller-latin1-qp.eml");

        Assert.Equal("Klagomål på buller från bilverkstad, Industrigatan 4", mail.Subject);
        Assert.Equal("Örjan Åberg", mail.From?.Name);
        Assert.Equal("miljo@exempelkommun.se", Assert.Single(mail.To).Address);
        Assert.Null(mail.To[0].Name);
        Assert.Contains("klagomål på bullret från bilverkstaden", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("Kan miljöförvaltningen mäta bullret", mail.BodyText, StringComparison.Ordinal);
        // The soft line break in the quoted-printable source must not leave "=" or a broken word behind.
        Assert.Contains("luftmutterdragare långt in på kvällarna, ofta till klockan 22, och även på", mail.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("=E5", mail.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", mail.BodyText, StringComparison.Ordinal);
        Assert.EndsWith("Örjan Åberg\nIndustrigatan 9", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample03_html_only_mail_is_converted_to_readable_text()
    {
        var mail = Read("03-snorojning-html-only.eml");

        Assert.Equal("Snöröjning på Granstigen – när plogas gatan?", mail.Subject);
        Assert.Equal("Märta Öhman", mail.From?.Name);
        Assert.Equal("text/html", mail.BodyMediaType);

        var text = mail.BodyText;
        Assert.StartsWith("Hej,\n\nJag undrar varför Granstigen inte har plogats", text, StringComparison.Ordinal);
        Assert.Contains("Vem ansvarar för snöröjningen här, kommunen eller vägföreningen?\nGår det att få besked", text, StringComparison.Ordinal);
        Assert.Contains("under 30 cm snö.", text, StringComparison.Ordinal); // &nbsp; and the source line break collapse to spaces
        Assert.Contains("- backen upp mot förskolan – där har två bilar fastnat\n- vändplanen vid nummer 14–20", text, StringComparison.Ordinal);
        Assert.EndsWith("Hälsningar\nMärta Öhman\nGranstigen 16", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("margin", text, StringComparison.Ordinal); // <style>
        Assert.DoesNotContain("webbmejl", text, StringComparison.Ordinal); // <!-- comment -->
        Assert.DoesNotContain("&", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);

        var html = Assert.Single(mail.Parts);
        Assert.Equal(MailPartKind.HtmlBody, html.Kind);
        Assert.Equal("meddelande.html", html.FileName);
        Assert.Equal("text/html", html.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), html.Content.Take(3).ToArray());
        Assert.Contains("<p>Vem ansvarar för snöröjningen", Encoding.UTF8.GetString(html.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Sample04_alternative_prefers_text_plain_and_keeps_the_html()
    {
        var mail = Read("04-skolplacering-alternative.eml");

        Assert.Equal("Skolplacering hösten 2027 – Ekbackens skola", mail.Subject);
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.Contains("när får vi besked om skolplaceringen?", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("Vi har önskat Ekbackens skola\ni första hand", mail.BodyText, StringComparison.Ordinal); // the plain text's own line break
        Assert.DoesNotContain("<b>", mail.BodyText, StringComparison.Ordinal);

        var html = Assert.Single(mail.Parts);
        Assert.Equal(MailPartKind.HtmlBody, html.Kind);
        Assert.Equal("meddelande.html", html.FileName);
        Assert.Contains("<b>Ekbackens skola</b>", Encoding.UTF8.GetString(html.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Sample05_attachments_with_rfc2231_names_and_continuations()
    {
        var mail = Read("05-bygglovsansokan-bilagor.eml");

        Assert.Equal("Ansökan om bygglov – tillbyggnad Åsen 3:14", mail.Subject);
        Assert.Contains("situationsplan (PNG)", mail.BodyText, StringComparison.Ordinal);
        Assert.Equal(3, mail.Parts.Count);
        Assert.All(mail.Parts, p => Assert.Equal(MailPartKind.Attachment, p.Kind));

        var pdf = mail.Parts[0];
        Assert.Equal("Ansökan om bygglov Åsen 3_14.pdf", pdf.FileName); // ":" is not allowed in file names
        Assert.Equal("application/pdf", pdf.MediaType);
        Assert.Equal("%PDF-1.4"u8.ToArray(), pdf.Content.Take(8).ToArray());

        var png = mail.Parts[1];
        Assert.Equal("Situationsplan Björkvägen.png", png.FileName);
        Assert.Equal("image/png", png.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Content.Take(8).ToArray());

        var docx = mail.Parts[2];
        Assert.Equal(
            "Kontrollplan enligt plan- och bygglagen för tillbyggnad av fritidshus på fastigheten Åsen 3_14 i Exempelkommun.docx",
            docx.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.MediaType);
        Assert.Equal("PK\x03\x04"u8.ToArray(), docx.Content.Take(4).ToArray());
        Assert.Equal(1029, docx.Size);
    }

    [Fact]
    public void Sample06_forwarded_message_is_kept_whole_as_eml_and_not_recursed()
    {
        var mail = Read("06-vidarebefordrat-medborgarmejl.eml");

        Assert.Equal("VB: Synpunkt på gatubelysningen i Åbacka", mail.Subject);
        Assert.Equal("lars.berg@exempelkommun.se", mail.From?.Address);
        Assert.Contains("Jag vidarebefordrar ett mejl från en medborgare", mail.BodyText, StringComparison.Ordinal);

        var forwarded = Assert.Single(mail.Parts); // the citizen's photo stays inside the .eml
        Assert.Equal(MailPartKind.ForwardedMessage, forwarded.Kind);
        Assert.Equal("Synpunkt på gatubelysningen i Åbacka.eml", forwarded.FileName);
        Assert.Equal("message/rfc822", forwarded.MediaType);

        var raw = Encoding.ASCII.GetString(forwarded.Content);
        Assert.StartsWith("Return-Path: <elsa.holm@example.org>\r\n", raw, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("[^\r]\n"), raw);

        using var stream = new MemoryStream(forwarded.Content);
        var inner = MailReader.Read(stream);
        Assert.Equal("elsa.holm@example.org", inner.From?.Address);
        Assert.Contains("Gatubelysningen längs gångvägen mellan Åbacka skola", inner.BodyText, StringComparison.Ordinal);
        Assert.Equal("stolpe.png", Assert.Single(inner.Parts).FileName);
    }

    [Fact]
    public void Sample07_out_of_office_reply_is_read_with_its_thread_ids()
    {
        var mail = Read("07-franvaromeddelande-autosvar.eml");

        Assert.Equal("Frånvaromeddelande: Mottagningsbekräftelse BN 2026/23", mail.Subject);
        Assert.Equal(["kvittens.0190c5a2e0b74d2c9f1e3a4b5c6d7e8f.4@ihub.exempelkommun.se"], mail.InReplyTo);
        Assert.Contains("Jag är på semester och har inte tillgång till e-post", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample08_bounce_body_is_the_human_readable_part()
    {
        var mail = Read("08-studsat-meddelande-dsn.eml");

        Assert.Equal(new MailContact("Mail Delivery System", "mailer-daemon@mx.exempelkommun.se"), mail.From); // lower-cased
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.StartsWith("Detta är ett automatiskt meddelande från e-postservern", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("Meddelandet kunde inte levereras till en eller flera mottagare.", mail.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Reporting-MTA", mail.BodyText, StringComparison.Ordinal);

        Assert.Equal(2, mail.Parts.Count);
        var status = mail.Parts[0];
        Assert.Equal(MailPartKind.Attachment, status.Kind);
        Assert.Equal("message/delivery-status", status.MediaType);
        Assert.Equal("leveransrapport.txt", status.FileName);
        Assert.Contains("Status: 5.1.1", Encoding.ASCII.GetString(status.Content), StringComparison.Ordinal);

        var returned = mail.Parts[1];
        Assert.Equal(MailPartKind.Attachment, returned.Kind);
        Assert.Equal("message/rfc822", returned.MediaType);
        Assert.Equal("returnerat-meddelande.eml", returned.FileName);
        using var stream = new MemoryStream(returned.Content);
        Assert.Equal("kvittens.0190c5a2e0b74d2c9f1e3a4b5c6d7e8f.2@ihub.exempelkommun.se", MimeMessage.Load(stream).MessageId);
    }

    [Fact]
    public void Sample09_newsletter_is_read_like_any_alternative_mail()
    {
        var mail = Read("09-nyhetsbrev-lista.eml");

        Assert.Equal("Nyhetsbrev november 2026: Nya regler för matavfall", mail.Subject);
        Assert.Contains("1. Nya regler för insamling av matavfall från 2027", mail.BodyText, StringComparison.Ordinal);
        Assert.Equal(MailPartKind.HtmlBody, Assert.Single(mail.Parts).Kind);
    }

    [Fact]
    public void Sample10_smime_signed_mail_reads_the_signed_content_and_keeps_the_signature()
    {
        var mail = Read("10-signerat-smime.eml");

        Assert.True(mail.IsSigned);
        Assert.False(mail.IsEncrypted);
        Assert.Equal("Begäran om slutbesked, Åsen 3:14 (signerat)", mail.Subject);
        Assert.Equal("Ingrid Sundström", mail.From?.Name);
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.Contains("Jag begär att byggnadsnämnden utfärdar slutbesked.", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("fastigheten Åsen 3:14 är utförd enligt den fastställda kontrollplanen.", mail.BodyText, StringComparison.Ordinal);

        var signature = Assert.Single(mail.Parts);
        Assert.Equal(MailPartKind.Signature, signature.Kind);
        Assert.Equal("smime.p7s", signature.FileName);
        Assert.Equal("application/pkcs7-signature", signature.MediaType);
        Assert.Equal(0x30, signature.Content[0]); // DER SEQUENCE
    }

    [Fact]
    public void Sample10_signature_is_real_and_valid()
    {
        var message = SampleMails.Load("10-signerat-smime.eml");
        var signed = Assert.IsType<MultipartSigned>(message.Body);
        using var context = new TemporarySecureMimeContext();

        var signatures = signed.Verify(context);

        var signature = Assert.Single(signatures);
        Assert.Equal("ingrid.sundstrom@example.net", signature.SignerCertificate?.Email);
        Assert.True(signature.Verify(verifySignatureOnly: true));
    }

    [Fact]
    public void Sample11_completion_refers_to_the_case_in_the_subject()
    {
        var mail = Read("11-komplettering-bn-2026-45.eml");

        Assert.Equal("Komplettering till ärende BN 2026/45", mail.Subject);
        Assert.Contains("Som komplettering till ärende BN 2026/45 bifogar jag", mail.BodyText, StringComparison.Ordinal);
        var pdf = Assert.Single(mail.Parts);
        Assert.Equal("Reviderad fasadritning BN 2026-45.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.MediaType);
        Assert.Equal(MailPartKind.Attachment, pdf.Kind);
    }

    [Fact]
    public void Sample12_reply_to_receipt_has_in_reply_to_and_references()
    {
        var mail = Read("12-svar-pa-kvittens.eml");

        Assert.Equal("Re: Mottagningsbekräftelse BN 2026/17", mail.Subject);
        Assert.Equal(["kvittens.0190c5a2e0b74d2c9f1e3a4b5c6d7e8f.1@ihub.exempelkommun.se"], mail.InReplyTo);
        Assert.Equal(
            ["3f1c9a2e-7b41-4d0e-9a55-0c1d2e3f4a01@mail.example.com", "kvittens.0190c5a2e0b74d2c9f1e3a4b5c6d7e8f.1@ihub.exempelkommun.se"],
            mail.References);
        Assert.StartsWith("Hej igen,\n\nTack för bekräftelsen.", mail.BodyText, StringComparison.Ordinal);
        Assert.Contains("> Diarienummer: BN 2026/17", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample13_base64_body_with_a_personnummer_is_detected()
    {
        var mail = Read("13-ekonomiskt-bistand-personnummer.eml");

        Assert.Equal("Fråga om ekonomiskt bistånd", mail.Subject);
        Assert.Contains("(försörjningsstöd)", mail.BodyText, StringComparison.Ordinal);
        Assert.True(PersonnummerDetector.ContainsPersonnummer(mail.BodyText));
        Assert.Equal(1, PersonnummerDetector.Count(mail.BodyText)); // the phone number in the same text does not count
        Assert.False(PersonnummerDetector.ContainsPersonnummer(mail.Subject));
    }

    [Fact]
    public void Sample14_no_reply_notification()
    {
        var mail = Read("14-e-tjanst-no-reply.eml");

        Assert.Equal("no-reply@example.com", mail.From?.Address);
        Assert.Equal("Ny ansökan i e-tjänsten Bygglov (ET-2026-004711)", mail.Subject);
        Assert.Contains("via e-tjänsten Bygglov", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample15_the_hubs_own_receipt()
    {
        var mail = Read("15-egen-kvittens-loop.eml");

        Assert.Equal(new MailContact("Exempelkommun", "diariet@exempelkommun.se"), mail.From);
        Assert.Equal("Mottagningsbekräftelse KS 2026/88", mail.Subject);
        Assert.Contains("Vi har tagit emot ditt meddelande och registrerat det", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample16_without_from_is_unreadable()
    {
        using var stream = SampleMails.Open("16-olasbart-saknar-avsandare.eml");

        var ex = Assert.Throws<UnreadableMailException>(() => MailReader.Read(stream));

        Assert.Equal("Meddelandet saknar avsändare (From).", ex.Reason);
        Assert.Equal(ex.Reason, ex.Message);
    }

    [Fact]
    public async Task Sample16_without_from_is_unreadable_async()
    {
        await using var stream = SampleMails.Open("16-olasbart-saknar-avsandare.eml");

        var ex = await Assert.ThrowsAsync<UnreadableMailException>(() => MailReader.ReadAsync(stream, CancellationToken.None));

        Assert.Equal("Meddelandet saknar avsändare (From).", ex.Reason);
    }

    [Fact]
    public void Sample17_copy_to_two_function_mailboxes()
    {
        var mail = Read("17-kopia-till-tva-funktionsbrevlador.eml");

        Assert.Equal("CAH4m1xR2s3T4u5V6w7X8y9Z0a1B2c3D4e17@mail.example.org", mail.MessageId);
        Assert.Equal("bygglov@exempelkommun.se", Assert.Single(mail.To).Address);
        Assert.Equal("kommunen@exempelkommun.se", Assert.Single(mail.Cc).Address);
        Assert.Contains("Behöver vi söka strandskyddsdispens hos kommunen", mail.BodyText, StringComparison.Ordinal);

        // The same mail fetched from the other mailbox reads to the same identity.
        Assert.Equal(mail.MessageId, Read("17-kopia-till-tva-funktionsbrevlador.eml").MessageId);
    }

    [Fact]
    public void Sample18_outlook_base64_body_and_rfc2047_attachment_name()
    {
        var mail = Read("18-overklagande-outlook-base64.eml");

        Assert.Equal(new MailContact("Gustav Öberg", "gustav.oberg@example.com"), mail.From);
        Assert.Equal("Överklagande av beslut i ärende BN 2026/45", mail.Subject);
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.Contains("Bifogat finns mitt överklagande av byggnadsnämndens beslut", mail.BodyText, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 6, 31, 40, TimeSpan.Zero), mail.Date);

        Assert.Equal(2, mail.Parts.Count); // document order: html alternative first, then the attachment
        Assert.Equal(MailPartKind.HtmlBody, mail.Parts[0].Kind);
        var pdf = mail.Parts[1];
        Assert.Equal("Överklagande beslut.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.MediaType);
        Assert.Equal(MailPartKind.Attachment, pdf.Kind);
        Assert.Equal("%PDF"u8.ToArray(), pdf.Content.Take(4).ToArray());
    }

    [Theory]
    [MemberData(nameof(ReadableSamples))]
    public void Every_readable_sample_has_envelope_and_valid_parts(string fileName)
    {
        var mail = Read(fileName);

        Assert.False(string.IsNullOrEmpty(mail.MessageId));
        Assert.DoesNotContain("<", mail.MessageId, StringComparison.Ordinal);
        Assert.NotNull(mail.Date);
        Assert.NotNull(mail.From);
        Assert.Equal(mail.From.Address.ToLowerInvariant(), mail.From.Address);
        Assert.NotEmpty(mail.Subject);
        Assert.Equal(mail.Subject.Trim(), mail.Subject);
        Assert.NotEmpty(mail.BodyText);
        Assert.DoesNotContain("\uFFFD", mail.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Ã", mail.BodyText, StringComparison.Ordinal); // UTF-8 read as Latin-1
        Assert.Contains(mail.BodyMediaType, new[] { "text/plain", "text/html" });
        Assert.All(mail.Parts, part =>
        {
            Assert.Matches("^[a-z]+/[a-zA-Z0-9.+-]+$", part.MediaType);
            Assert.InRange(part.FileName.Length, 1, 255);
            Assert.DoesNotContain(part.FileName, c => c is '/' or '\\' || char.IsControl(c));
            Assert.NotEmpty(part.Content);
        });
        Assert.Equal(mail.Parts.Count, mail.Parts.Select(p => p.FileName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(ReadableSamples))]
    public void ToString_contains_no_personal_data(string fileName)
    {
        var mail = Read(fileName);

        var text = mail.ToString();

        Assert.StartsWith("ReadMail {", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.From!.Address, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mail.From.LocalPart, text, StringComparison.OrdinalIgnoreCase);
        if (mail.From.Name is { } name)
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(mail.Subject, text, StringComparison.OrdinalIgnoreCase);
        Assert.All(mail.Parts, p => Assert.DoesNotContain(Path.GetFileNameWithoutExtension(p.FileName), text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(mail.BodyText.Split('\n')[0], text, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.From.LocalPart, mail.From.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToString_reports_counts_and_media_types()
    {
        var text = Read("05-bygglovsansokan-bilagor.eml").ToString();

        Assert.Contains("Parts = 3", text, StringComparison.Ordinal);
        Assert.Contains("Attachment application/pdf 763 B", text, StringComparison.Ordinal);
        Assert.Contains("BodyMediaType = text/plain", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_mail_with_a_10_MB_attachment_is_read_with_the_exact_size()
    {
        const int size = 10 * 1024 * 1024;
        using var stream = SampleMails.ToStream(SampleMails.Large(size));

        var mail = MailReader.Read(stream);

        var drawing = Assert.Single(mail.Parts);
        Assert.Equal("Bygghandlingar.pdf", drawing.FileName);
        Assert.Equal("application/pdf", drawing.MediaType);
        Assert.Equal(size, drawing.Size);
        Assert.True(drawing.Content.AsSpan().SequenceEqual(SampleMails.LargeAttachmentContent(size)));
        Assert.Equal("Bygghandlingar för nybyggnad av förskola, Lärkan 2:5", mail.Subject);
        Assert.Contains("de kompletta bygghandlingarna", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_reads_the_same_as_Read()
    {
        await using var stream = SampleMails.Open("05-bygglovsansokan-bilagor.eml");

        var mail = await MailReader.ReadAsync(stream, CancellationToken.None);

        var expected = Read("05-bygglovsansokan-bilagor.eml");
        Assert.Equal(expected.Subject, mail.Subject);
        Assert.Equal(expected.Parts.Select(p => (p.FileName, p.MediaType, p.Size)), mail.Parts.Select(p => (p.FileName, p.MediaType, p.Size)));
    }

    [Fact]
    public void Read_of_a_parsed_message_equals_read_of_the_stream()
    {
        var fromMessage = MailReader.Read(SampleMails.Load("18-overklagande-outlook-base64.eml"));
        var fromStream = Read("18-overklagande-outlook-base64.eml");

        Assert.Equal(fromStream.BodyText, fromMessage.BodyText);
        Assert.Equal(fromStream.Parts.Select(p => p.FileName), fromMessage.Parts.Select(p => p.FileName));
    }
}
