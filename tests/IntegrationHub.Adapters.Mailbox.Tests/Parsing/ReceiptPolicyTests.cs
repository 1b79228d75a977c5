using System.Text;
using IntegrationHub.Adapters.Mailbox.Parsing;
using MimeKit;
using Xunit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

public class ReceiptPolicyTests
{
    private static readonly string[] OwnAddresses =
    [
        "diariet@exempelkommun.se", "kommunen@exempelkommun.se", "bygglov@exempelkommun.se", "miljo@exempelkommun.se",
    ];

    private const string Citizen =
        "From: Anna Lindqvist <anna.lindqvist@example.com>\r\n" +
        "To: kommunen@exempelkommun.se\r\n" +
        "Subject: =?utf-8?Q?Fr=C3=A5ga?=\r\n" +
        "Message-ID: <fraga.1@example.com>\r\n" +
        "Date: Wed, 02 Dec 2026 09:00:00 +0100\r\n";

    private static MimeMessage Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));
        return MimeMessage.Load(stream);
    }

    private static string? Reason(string raw, IReadOnlyList<string>? patterns = null)
    {
        var message = Parse(raw);
        return ReceiptPolicy.SuppressionReason(message, MailReader.Read(message), OwnAddresses, patterns ?? ReceiptPolicy.DefaultNoReplyPatterns);
    }

    private static string? SampleReason(string fileName)
    {
        var message = SampleMails.Load(fileName);
        return ReceiptPolicy.SuppressionReason(message, MailReader.Read(message), OwnAddresses, ReceiptPolicy.DefaultNoReplyPatterns);
    }

    [Theory]
    [InlineData("01-bygglov-fraga-utf8.eml")]
    [InlineData("02-miljo-buller-latin1-qp.eml")]
    [InlineData("03-snorojning-html-only.eml")]
    [InlineData("04-skolplacering-alternative.eml")]
    [InlineData("05-bygglovsansokan-bilagor.eml")]
    [InlineData("06-vidarebefordrat-medborgarmejl.eml")]
    [InlineData("10-signerat-smime.eml")]
    [InlineData("11-komplettering-bn-2026-45.eml")]
    [InlineData("12-svar-pa-kvittens.eml")]
    [InlineData("13-ekonomiskt-bistand-personnummer.eml")]
    [InlineData("17-kopia-till-tva-funktionsbrevlador.eml")]
    [InlineData("18-overklagande-outlook-base64.eml")]
    public void Ordinary_samples_get_a_receipt(string fileName)
    {
        Assert.Null(SampleReason(fileName));
    }

    [Theory]
    [InlineData("07-franvaromeddelande-autosvar.eml", "auto-reply (Auto-Submitted: auto-replied)")]
    [InlineData("08-studsat-meddelande-dsn.eml", "bounce (multipart/report)")]
    [InlineData("09-nyhetsbrev-lista.eml", "mailing list (List-Id)")]
    [InlineData("14-e-tjanst-no-reply.eml", "no-reply sender")]
    [InlineData("15-egen-kvittens-loop.eml", "the hub's own address")]
    public void Automatic_samples_get_no_receipt(string fileName, string expected)
    {
        Assert.Equal(expected, SampleReason(fileName));
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-generated", "auto-reply (Auto-Submitted: auto-generated)")]
    [InlineData("Auto-Submitted: auto-replied; owner-email=\"a@example.com\"", "auto-reply (Auto-Submitted: auto-replied)")]
    [InlineData("Auto-Submitted: AUTO-NOTIFIED (kommentar)", "auto-reply (Auto-Submitted: auto-notified)")]
    [InlineData("Auto-Submitted: no", null)]
    [InlineData("Auto-Submitted: No (manuellt)", null)]
    [InlineData("Precedence: bulk", "Precedence: bulk")]
    [InlineData("Precedence: junk", "Precedence: junk")]
    [InlineData("Precedence: List", "Precedence: list")]
    [InlineData("Precedence: auto_reply", "Precedence: auto_reply")]
    [InlineData("Precedence: normal", null)]
    [InlineData("List-Id: Kommunforum <forum.lists.example.org>", "mailing list (List-Id)")]
    [InlineData("List-Unsubscribe: <mailto:avsluta@lists.example.org>", "mailing list (List-Unsubscribe)")]
    [InlineData("List-Post: <mailto:forum@lists.example.org>", "mailing list (List-Post)")]
    [InlineData("X-Auto-Response-Suppress: All", "sender suppresses auto-replies (X-Auto-Response-Suppress: All)")]
    [InlineData("X-Auto-Response-Suppress: DR, OOF", "sender suppresses auto-replies (X-Auto-Response-Suppress: OOF)")]
    [InlineData("X-Auto-Response-Suppress: autoreply", "sender suppresses auto-replies (X-Auto-Response-Suppress: AutoReply)")]
    [InlineData("X-Auto-Response-Suppress: DR, RN, NRN", null)]
    [InlineData("X-Autoreply: yes", "auto-reply (X-Autoreply)")]
    [InlineData("X-Autorespond: Jag är ledig", "auto-reply (X-Autorespond)")]
    [InlineData("X-Auto-Reply: 1", "auto-reply (X-Auto-Reply)")]
    [InlineData("Return-Path: <>", "empty Return-Path")]
    [InlineData("Return-Path: < >", "empty Return-Path")]
    [InlineData("Return-Path: <anna.lindqvist@example.com>", null)]
    [InlineData("X-Failed-Recipients: lena@example.net", "bounce (X-Failed-Recipients)")]
    [InlineData("X-Mailer: Thunderbird", null)]
    public void Header_rules(string header, string? expected)
    {
        var reason = Reason(header + "\r\n" + Citizen + "\r\nHej\r\n");

        Assert.Equal(expected, reason);
        Assert.DoesNotContain("@", reason ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/report; report-type=delivery-status; boundary=\"r\"", "bounce (multipart/report)")]
    [InlineData("multipart/report; report-type=disposition-notification; boundary=\"r\"", "read receipt (multipart/report)")]
    [InlineData("multipart/report; report-type=feedback-report; boundary=\"r\"", "automatic report (multipart/report)")]
    public void Reports_get_no_receipt(string contentType, string expected)
    {
        var raw = Citizen + "MIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nRapport\r\n--r--\r\n";

        Assert.Equal(expected, Reason(raw));
    }

    [Fact]
    public void Top_level_delivery_status_gets_no_receipt()
    {
        var raw = Citizen + "MIME-Version: 1.0\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\nAction: failed\r\n";

        Assert.Equal("bounce (message/delivery-status)", Reason(raw));
    }

    [Theory]
    [InlineData("noreply@example.com")]
    [InlineData("No-Reply@Example.com")]
    [InlineData("donotreply@example.org")]
    [InlineData("do-not-reply@example.net")]
    [InlineData("MAILER-DAEMON@mx.example.net")]
    [InlineData("postmaster@example.org")]
    [InlineData("bounce@example.org")]
    [InlineData("bounces-kt-8842@lists.example.org")]
    [InlineData("no-reply+ticket-4711@example.com")]
    public void No_reply_senders_get_no_receipt(string address)
    {
        var raw = "From: Avsändare <" + address + ">\r\nTo: kommunen@exempelkommun.se\r\nSubject: Avisering\r\n\r\nHej\r\n";

        Assert.Equal("no-reply sender", Reason(raw));
    }

    [Theory]
    [InlineData("reply@example.com")]
    [InlineData("anna.noreply@example.com")]
    [InlineData("info@example.com")]
    [InlineData("rebounce@example.com")]
    public void Ordinary_local_parts_are_not_no_reply(string address)
    {
        var raw = "From: Avsändare <" + address + ">\r\nTo: kommunen@exempelkommun.se\r\nSubject: Fråga\r\n\r\nHej\r\n";

        Assert.Null(Reason(raw));
    }

    [Fact]
    public void No_reply_sender_header_or_reply_to_also_suppresses()
    {
        Assert.Equal("no-reply sender", Reason("Sender: noreply@notify.example.com\r\n" + Citizen + "\r\nHej\r\n"));
        Assert.Equal("no-reply sender", Reason("Reply-To: donotreply@example.com\r\n" + Citizen + "\r\nHej\r\n"));
    }

    [Fact]
    public void Custom_patterns_with_wildcards_and_whole_addresses()
    {
        var raw = "From: Avisering <avisering-42@notify.example.com>\r\nTo: kommunen@exempelkommun.se\r\n\r\nHej\r\n";

        Assert.Null(Reason(raw));
        Assert.Equal("no-reply sender", Reason(raw, ["avisering-*"]));
        Assert.Equal("no-reply sender", Reason(raw, ["*@notify.example.com"]));
        Assert.Null(Reason(raw, ["*@example.com"]));
    }

    [Fact]
    public void Own_addresses_are_matched_case_insensitively_in_from_sender_and_reply_to()
    {
        var message = Parse(Citizen + "\r\nHej\r\n");
        var mail = MailReader.Read(message);

        Assert.Null(ReceiptPolicy.SuppressionReason(message, mail, ["Diariet@Exempelkommun.SE"]));
        Assert.Equal("the hub's own address",
            ReceiptPolicy.SuppressionReason(message, mail with { From = mail.From! with { Address = "diariet@exempelkommun.se" } }, [" <DIARIET@exempelkommun.se> "]));
        Assert.Equal("the hub's own address",
            Reason("Sender: diariet@exempelkommun.se\r\n" + Citizen + "\r\nHej\r\n"));
        Assert.Equal("the hub's own address",
            Reason("Reply-To: Bygglov <Bygglov@Exempelkommun.se>\r\n" + Citizen + "\r\nHej\r\n"));
    }

    [Fact]
    public void Mail_without_from_gets_no_receipt()
    {
        var message = Parse(Citizen + "\r\nHej\r\n");
        var mail = MailReader.Read(message) with { From = null };

        Assert.Equal("no From address", ReceiptPolicy.SuppressionReason(message, mail, OwnAddresses));
    }

    [Fact]
    public void Receipt_goes_to_reply_to_when_present_else_from()
    {
        var plain = MailReader.Read(Parse(Citizen + "\r\nHej\r\n"));
        var withReplyTo = MailReader.Read(Parse("Reply-To: Ombud <ombud@example.org>, annan@example.org\r\n" + Citizen + "\r\nHej\r\n"));

        Assert.Equal("anna.lindqvist@example.com", ReceiptPolicy.ReceiptRecipient(plain)?.Address);
        Assert.Equal(new MailContact("Ombud", "ombud@example.org"), ReceiptPolicy.ReceiptRecipient(withReplyTo));
    }

    [Fact]
    public void Default_patterns_are_the_documented_ones()
    {
        Assert.Equal(
            ["noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster", "bounce*"],
            ReceiptPolicy.DefaultNoReplyPatterns);
    }

    [Theory]
    [InlineData("bounce", "bounce*", true)]
    [InlineData("bounces-123", "bounce*", true)]
    [InlineData("BOUNCE", "bounce*", true)]
    [InlineData("xbounce", "bounce*", false)]
    [InlineData("no-reply", "no*reply", true)]
    [InlineData("noreply", "no*reply", true)]
    [InlineData("noreplyx", "no*reply", false)]
    [InlineData("abc", "*", true)]
    [InlineData("", "*", true)]
    [InlineData("a", "", false)]
    [InlineData("mailer-daemon", "mailer-daemon", true)]
    public void Wildcard_matching(string text, string pattern, bool expected)
    {
        Assert.Equal(expected, ReceiptPolicy.WildcardMatch(text, pattern));
    }

    [Fact]
    public void Reasons_for_all_samples_contain_no_address()
    {
        foreach (var name in SampleMails.All().Where(n => !n.StartsWith("16-", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("@", SampleReason(name) ?? string.Empty, StringComparison.Ordinal);
        }
    }
}
