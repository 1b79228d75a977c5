using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IntegrationHub.Adapters.Mailbox.Parsing;
using MimeKit;
using MimeKit.Cryptography;
using Xunit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

public class MailReaderTests
{
    private const string Envelope =
        "From: Anna Lindqvist <anna.lindqvist@example.com>\r\n" +
        "To: kommunen@exempelkommun.se\r\n" +
        "Subject: Test\r\n" +
        "Message-ID: <test.1@example.com>\r\n" +
        "Date: Wed, 02 Dec 2026 09:00:00 +0100\r\n" +
        "MIME-Version: 1.0\r\n";

    private static MimeMessage Parse(string raw) => Parse(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));

    private static MimeMessage Parse(byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        return MimeMessage.Load(stream);
    }

    private static ReadMail Read(string raw) => MailReader.Read(Parse(raw));

    private static byte[] Bytes(string ascii, byte[] body, string tail = "\r\n") =>
        [.. Encoding.ASCII.GetBytes(ascii.ReplaceLineEndings("\r\n")), .. body, .. Encoding.ASCII.GetBytes(tail)];

    [Fact]
    public void Empty_stream_is_not_a_mail()
    {
        using var stream = new MemoryStream();

        var ex = Assert.Throws<UnreadableMailException>(() => MailReader.Read(stream));

        Assert.StartsWith("Meddelandet kunde inte tolkas som e-post (MIME): ", ex.Reason, StringComparison.Ordinal);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public void Binary_file_is_not_a_mail()
    {
        using var stream = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0xFF, 0xFE]);

        var ex = Assert.Throws<UnreadableMailException>(() => MailReader.Read(stream));

        Assert.Equal("Meddelandet kunde inte tolkas som e-post (MIME): inget giltigt brevhuvud hittades.", ex.Reason);
    }

    [Fact]
    public async Task Text_without_headers_is_not_a_mail_async()
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("Hej, detta är bara en textfil.\r\nRad två.\r\n"));

        var ex = await Assert.ThrowsAsync<UnreadableMailException>(() => MailReader.ReadAsync(stream, CancellationToken.None));

        Assert.StartsWith("Meddelandet kunde inte tolkas som e-post (MIME)", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From: Anna Lindqvist\r\n")]
    [InlineData("From: <>\r\n")]
    [InlineData("From: undisclosed-recipients:;\r\n")]
    public void From_without_a_usable_address_is_unreadable_and_the_reason_has_no_personal_data(string from)
    {
        var message = Parse(from + "Subject: Hej\r\n\r\nText\r\n");

        var ex = Assert.Throws<UnreadableMailException>(() => MailReader.Read(message));

        Assert.Contains("(From)", ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", ex.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Hej", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void First_usable_from_mailbox_is_used_and_addresses_are_lower_cased()
    {
        var mail = Read("From: =?utf-8?Q?=C3=85sa_Ek?= <Asa.Ek@Example.COM>, b@example.com\r\nSender: Sekreterare <SEK@example.com>\r\n" +
                        "Reply-To: svar@example.com\r\nTo: a@example.org, Grupp: b@example.org, c@example.org;\r\nSubject: x\r\n\r\nText\r\n");

        Assert.Equal(new MailContact("Åsa Ek", "asa.ek@example.com"), mail.From);
        Assert.Equal(new MailContact("Sekreterare", "sek@example.com"), mail.Sender);
        Assert.Equal("svar@example.com", Assert.Single(mail.ReplyTo).Address);
        Assert.Equal(["a@example.org", "b@example.org", "c@example.org"], mail.To.Select(t => t.Address));
    }

    [Fact]
    public void Missing_subject_date_and_message_id()
    {
        var mail = Read("From: a@example.com\r\n\r\nText\r\n");

        Assert.Equal(string.Empty, mail.Subject);
        Assert.Null(mail.Date);
        Assert.Null(mail.MessageId);
        Assert.Equal("Text", mail.BodyText);
    }

    [Fact]
    public void In_reply_to_with_several_ids_and_without_brackets()
    {
        var several = Read("From: a@example.com\r\nIn-Reply-To: <a.1@example.com> <b.2@example.com>\r\n\r\nx\r\n");
        var bare = Read("From: a@example.com\r\nIn-Reply-To: a.1@example.com\r\n\r\nx\r\n");

        Assert.Equal(["a.1@example.com", "b.2@example.com"], several.InReplyTo);
        Assert.Equal(["a.1@example.com"], bare.InReplyTo);
    }

    [Fact]
    public void Declared_utf8_but_latin1_bytes_falls_back_to_windows_1252()
    {
        var raw = Bytes(Envelope + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
            Encoding.Latin1.GetBytes("Hälsningar från Örjan"));

        Assert.Equal("Hälsningar från Örjan", MailReader.Read(Parse(raw)).BodyText);
    }

    [Fact]
    public void Declared_latin1_but_utf8_bytes_is_read_as_utf8()
    {
        var raw = Bytes(Envelope + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
            Encoding.UTF8.GetBytes("Snöröjning på Åsvägen"));

        Assert.Equal("Snöröjning på Åsvägen", MailReader.Read(Parse(raw)).BodyText);
    }

    [Fact]
    public void Iso_8859_1_label_is_read_as_windows_1252()
    {
        // 0x80 is € and 0x92 is ’ in Windows-1252; both are control characters in strict ISO-8859-1.
        var raw = Bytes(Envelope + "Content-Type: text/plain; charset=\"ISO-8859-1\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
            Encoding.ASCII.GetBytes("Avgiften =E4r 1 200 =80, det =E4r v=E5r =92taxa=92."));

        Assert.Equal("Avgiften är 1 200 €, det är vår ’taxa’.", MailReader.Read(Parse(raw)).BodyText);
    }

    [Fact]
    public void Unknown_charset_falls_back_to_utf8_then_windows_1252()
    {
        var utf8 = Bytes(Envelope + "Content-Type: text/plain; charset=x-okand\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
            Encoding.UTF8.GetBytes("Bygglov för förråd"));
        var latin = Bytes(Envelope + "Content-Type: text/plain; charset=x-okand\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
            Encoding.Latin1.GetBytes("Bygglov för förråd"));

        Assert.Equal("Bygglov för förråd", MailReader.Read(Parse(utf8)).BodyText);
        Assert.Equal("Bygglov för förråd", MailReader.Read(Parse(latin)).BodyText);
    }

    [Fact]
    public void Windows_1252_base64_body()
    {
        var body = Convert.ToBase64String(Encoding.GetEncoding(1252).GetBytes("Tack för svaret – vi återkommer."));
        var mail = Read(Envelope + "Content-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n");

        Assert.Equal("Tack för svaret – vi återkommer.", mail.BodyText);
    }

    [Fact]
    public void Text_plain_with_disposition_attachment_is_an_attachment_not_body()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Se bifogade anteckningar.
            --b
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: attachment; filename="anteckningar.txt"

            Mötesanteckningar 1 december.
            --b
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: attachment

            Utan namn.
            --b--
            """);

        Assert.Equal("Se bifogade anteckningar.", mail.BodyText);
        Assert.Equal(2, mail.Parts.Count);
        Assert.Equal(("anteckningar.txt", "text/plain", MailPartKind.Attachment), (mail.Parts[0].FileName, mail.Parts[0].MediaType, mail.Parts[0].Kind));
        Assert.Equal("Mötesanteckningar 1 december.", Encoding.UTF8.GetString(mail.Parts[0].Content).TrimEnd());
        Assert.Equal("bilaga-1.txt", mail.Parts[1].FileName);
    }

    [Fact]
    public void Only_an_attachment_means_empty_body()
    {
        var mail = Read(Envelope + "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"beslut.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n");

        Assert.Equal(string.Empty, mail.BodyText);
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.Equal("beslut.pdf", Assert.Single(mail.Parts).FileName);
    }

    [Fact]
    public void Unnamed_parts_get_swedish_names_with_extensions_from_the_media_type()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Bilagor utan namn.
            --b
            Content-Type: application/pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b
            Content-Type: application/x-okand-typ

            data
            --b
            Content-Type: image/jpeg
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            --b--
            """);

        Assert.Equal(["bilaga-1.pdf", "bilaga-2.bin", "bilaga-3.jpg"], mail.Parts.Select(p => p.FileName));
        Assert.Equal(["application/pdf", "application/x-okand-typ", "image/jpeg"], mail.Parts.Select(p => p.MediaType));
    }

    [Theory]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("C:\\Users\\anna\\ansökan.pdf", "C__Users_anna_ansökan.pdf")]
    [InlineData("rapport\u202Efdp.exe", "rapport_fdp.exe")]
    [InlineData("  ritning\t1.pdf. ", "ritning 1.pdf")]
    [InlineData("CON.txt", "_CON.txt")]
    public void File_names_are_sanitized(string declared, string expected)
    {
        var encoded = "utf-8''" + Uri.EscapeDataString(declared);
        var mail = Read(Envelope + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\n" +
                        "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=" + encoded + "\r\n\r\ndata\r\n--b--\r\n");

        Assert.Equal(expected, Assert.Single(mail.Parts).FileName);
    }

    [Fact]
    public void Decomposed_unicode_names_are_normalized_to_composed_form()
    {
        var decomposed = "Ansa\u030Agan.pdf".Normalize(NormalizationForm.FormD); // macOS style "å" = a + ring

        Assert.Equal("Ansågan.pdf", FileNames.Sanitize(decomposed));
    }

    [Fact]
    public void Long_file_names_are_cut_to_255_keeping_the_extension()
    {
        var longName = string.Concat(Enumerable.Repeat("Överklagande ", 40)) + ".pdf";

        var sanitized = FileNames.Sanitize(longName)!;

        Assert.True(sanitized.Length <= 255);
        Assert.True(Encoding.UTF8.GetByteCount(sanitized) <= 255);
        Assert.EndsWith(".pdf", sanitized, StringComparison.Ordinal);
        Assert.StartsWith("Överklagande Överklagande", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_made_unique()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Två foton.
            --b
            Content-Type: image/jpeg; name="foto.jpg"
            Content-Disposition: attachment; filename="foto.jpg"

            a
            --b
            Content-Type: image/jpeg; name="FOTO.jpg"
            Content-Disposition: attachment; filename="FOTO.jpg"

            b
            --b--
            """);

        Assert.Equal(["foto.jpg", "FOTO (2).jpg"], mail.Parts.Select(p => p.FileName));
    }

    [Theory]
    [InlineData("application/PDF", null, "application/pdf")]
    [InlineData("image/svg+xml; charset=utf-8", null, "image/svg+xml")]
    [InlineData("application/octet-stream", "ritning.PDF", "application/pdf")]
    [InlineData("application/octet-stream", "data.xyz", "application/octet-stream")]
    [InlineData("bad", null, "application/octet-stream")]
    [InlineData("text/pl ain", null, "application/octet-stream")]
    [InlineData("application/x_under", null, "application/octet-stream")]
    [InlineData(null, null, "application/octet-stream")]
    public void Media_types_are_normalized(string? declared, string? fileName, string expected)
    {
        Assert.Equal(expected, MediaTypes.ForPart(declared, fileName));
    }

    [Fact]
    public void Related_html_with_cid_images_gives_inline_parts()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Se bilden av stolpen.
            --alt
            Content-Type: multipart/related; boundary="rel"

            --rel
            Content-Type: text/html; charset=utf-8

            <p>Se bilden av stolpen.</p><img src="cid:bild1@example.com"><img src="cid:logo@example.com">
            --rel
            Content-Type: image/png
            Content-ID: <bild1@example.com>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --rel
            Content-Type: image/gif; name="logo.gif"
            Content-ID: <logo@example.com>
            Content-Transfer-Encoding: base64

            R0lGODlh
            --rel--
            --alt--
            """);

        Assert.Equal("Se bilden av stolpen.", mail.BodyText);
        Assert.Equal("text/plain", mail.BodyMediaType);
        Assert.Equal(
            [("meddelande.html", MailPartKind.HtmlBody), ("bild-1.png", MailPartKind.Inline), ("logo.gif", MailPartKind.Inline)],
            mail.Parts.Select(p => (p.FileName, p.Kind)));
    }

    [Fact]
    public void Blank_text_alternative_falls_back_to_the_html()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8


            --alt
            Content-Type: text/html; charset=utf-8

            <p>Ansökan om <b>parkeringstillstånd</b></p>
            --alt--
            """);

        Assert.Equal("text/html", mail.BodyMediaType);
        Assert.Equal("Ansökan om parkeringstillstånd", mail.BodyText);
    }

    [Fact]
    public void Unnamed_inline_text_after_the_body_continues_the_body()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Första delen.
            --b
            Content-Type: image/png; name="karta.png"
            Content-Disposition: inline; filename="karta.png"
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --b
            Content-Type: text/plain; charset=utf-8

            Andra delen.
            --b--
            """);

        Assert.Equal("Första delen.\n\nAndra delen.", mail.BodyText);
        Assert.Equal("karta.png", Assert.Single(mail.Parts).FileName);
    }

    [Fact]
    public void Forwarded_message_without_subject_gets_a_default_name()
    {
        var mail = Read(Envelope + """
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Vidarebefordrar.
            --b
            Content-Type: message/rfc822

            From: elsa.holm@example.org
            Message-ID: <inner@example.org>

            Utan ämne.
            --b--
            """);

        var part = Assert.Single(mail.Parts);
        Assert.Equal(("vidarebefordrat-meddelande.eml", MailPartKind.ForwardedMessage), (part.FileName, part.Kind));
        Assert.Contains("Message-ID: <inner@example.org>\r\n", Encoding.ASCII.GetString(part.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypted_smime_mail_has_no_body_and_keeps_the_encrypted_part()
    {
        var encrypted = RandomNumberGenerator.GetBytes(512);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Anna Lindqvist", "anna.lindqvist@example.com"));
        message.To.Add(new MailboxAddress("", "kommunen@exempelkommun.se"));
        message.Subject = "Krypterat";
        message.Body = new ApplicationPkcs7Mime(SecureMimeType.EnvelopedData, new MemoryStream(encrypted));

        var mail = MailReader.Read(message);

        Assert.True(mail.IsEncrypted);
        Assert.False(mail.IsSigned);
        Assert.Equal(string.Empty, mail.BodyText);
        var part = Assert.Single(mail.Parts);
        Assert.Equal(("krypterat-meddelande.p7m", "application/pkcs7-mime", MailPartKind.Attachment), (part.FileName, part.MediaType, part.Kind));
        Assert.Equal(encrypted, part.Content);
    }

    [Fact]
    public void Opaque_signed_data_is_unwrapped_and_kept_as_signature()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Ingrid Sundström, E=ingrid.sundstrom@example.net", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var content = new TextPart("plain") { Text = "Hej från ett opakt signerat meddelande om bygglov." };
        using var context = new TemporarySecureMimeContext();
        var signer = new CmsSigner(certificate) { DigestAlgorithm = DigestAlgorithm.Sha256 };
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Ingrid Sundström", "ingrid.sundstrom@example.net"));
        message.Subject = "Opakt signerat";
        message.Body = ApplicationPkcs7Mime.Sign(context, signer, content);
        using var raw = SampleMails.ToStream(message);

        var mail = MailReader.Read(raw);

        Assert.True(mail.IsSigned);
        Assert.False(mail.IsEncrypted);
        Assert.Equal("Hej från ett opakt signerat meddelande om bygglov.", mail.BodyText);
        var signature = Assert.Single(mail.Parts);
        Assert.Equal(MailPartKind.Signature, signature.Kind);
        Assert.Equal("application/pkcs7-mime", signature.MediaType);
        Assert.Equal("smime.p7m", signature.FileName);
    }

    [Fact]
    public void Format_flowed_is_unwrapped()
    {
        var mail = Read(Envelope + "Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n" +
                        "Det här är en lång rad som \r\nfortsätter här.\r\nNy rad.\r\n");

        Assert.Equal("Det här är en lång rad som fortsätter här.\nNy rad.", mail.BodyText);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => MailReader.Read((MimeMessage)null!));
        Assert.Throws<ArgumentNullException>(() => MailReader.Read((Stream)null!));
    }

    [Fact]
    public void Mail_part_and_contact_ToString_hide_names()
    {
        var part = new MailPart("Anna Lindqvist ansökan.pdf", "application/pdf", [1, 2, 3], MailPartKind.Attachment);
        var contact = new MailContact("Anna Lindqvist", "anna.lindqvist@example.com");

        Assert.Equal("MailPart { Kind = Attachment, MediaType = application/pdf, Size = 3 }", part.ToString());
        Assert.DoesNotContain("Anna", contact.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lindqvist", contact.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
