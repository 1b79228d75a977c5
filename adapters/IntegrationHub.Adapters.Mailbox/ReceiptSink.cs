using System.Globalization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Mailbox.Parsing;
using IntegrationHub.Canonical.Model;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>
/// The mailbox's outbound side: once the hub has registered a mail, the sender gets a mottagningskvittens with the
/// diarienummer, threaded as a reply, in plain Swedish and without the mail's content. No receipt to auto-replies,
/// bounces, mailing lists, no-reply senders or the municipality's own addresses; at most one per sender per interval.
/// The hub retries a failed send and dead-letters it in the end; the receipt's Message-ID is fixed per event, so a
/// repeated send is recognisable as the same message.
/// </summary>
internal sealed class ReceiptSink(string name, MailboxOptions options, MailConnections connections, IContentStore contents, IAdapterState state, TimeProvider timeProvider)
    : ICaseEventSink
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public string Name { get; } = $"mailbox-receipts/{name}";

    public CaseEventSinkFilter Filter { get; } = new(options.Municipality!, [MailKeys.Source(options.Municipality!)], [CaseEventTypes.Opened, CaseEventTypes.DocumentRegistered]);

    public async Task<SinkResult> HandleAsync(SinkEvent sinkEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinkEvent);
        var data = sinkEvent.Event.Data;
        // Mailboxes of one municipality share the source (copies are one registration); each answers its own mail.
        if (!string.Equals(data.Review?.ReceivedVia, options.Address, StringComparison.OrdinalIgnoreCase))
        {
            return SinkResult.Skipped("Registered through another mailbox.");
        }

        if (data.Review?.Reasons.Contains(ReviewReason.Unparseable) == true)
        {
            return SinkResult.Skipped("The mail could not be read, so there is no sender to answer.");
        }

        if (sinkEvent.Diarienummer is not { } diarienummer)
        {
            return SinkResult.Skipped("The mail has no diarienummer (its case type is not registered in a hub diary).");
        }

        var original = data.Document?.Attachments?.FirstOrDefault(a => a.MediaType == "message/rfc822");
        if (original is null || await contents.GetAsync(original.Sha256, cancellationToken) is not { } blob)
        {
            return SinkResult.Permanent("The original mail is not in the hub's content store.");
        }

        using var stream = new MemoryStream(blob.Content.ToArray(), writable: false);
        var message = MailReader.Load(stream);
        var mail = MailReader.Read(message);
        var own = new List<string>(options.Receipts.OwnAddresses) { options.Address!, options.Receipts.From! };
        var patterns = options.Receipts.NoReplyPatterns.Count > 0 ? options.Receipts.NoReplyPatterns : ReceiptPolicy.DefaultNoReplyPatterns;
        if (ReceiptPolicy.SuppressionReason(message, mail, own, patterns) is { } why)
        {
            return SinkResult.Skipped($"No receipt: {why}.");
        }

        var recipient = ReceiptPolicy.ReceiptRecipient(mail)!;
        // The window is claimed by this event, so a retry of the same receipt keeps it; the key holds no address.
        if (!await state.TryClaimWindowAsync($"mailbox/{name}", "receipt:" + MailKeys.Hash(recipient.Address.ToLowerInvariant()),
                sinkEvent.Event.Id, timeProvider.GetUtcNow(), options.Receipts.Interval, cancellationToken))
        {
            return SinkResult.Skipped("The sender got a receipt within the interval.");
        }

        return await SendAsync(Receipt(sinkEvent, mail, recipient, diarienummer), cancellationToken);
    }

    private MimeMessage Receipt(SinkEvent sinkEvent, ReadMail mail, MailContact recipient, string diarienummer)
    {
        var from = options.Receipts.From!;
        var domain = from[(from.LastIndexOf('@') + 1)..];
        var receipt = new MimeMessage { Subject = $"Mottagningsbekräftelse {diarienummer}" };
        receipt.From.Add(new MailboxAddress(options.Receipts.FromName ?? string.Empty, from));
        receipt.To.Add(new MailboxAddress(recipient.Name ?? string.Empty, recipient.Address));
        receipt.MessageId = MailKeys.ReceiptMessageId(sinkEvent.CaseId, sinkEvent.Sequence, domain);
        receipt.Date = timeProvider.GetUtcNow();
        if (mail.MessageId is { Length: > 0 } inReplyTo)
        {
            receipt.InReplyTo = inReplyTo;
            foreach (var reference in mail.References.Append(inReplyTo).Distinct(StringComparer.Ordinal))
            {
                receipt.References.Add(reference);
            }
        }

        // RFC 3834: an automatic answer says so, and asks other robots not to answer it.
        receipt.Headers.Add("Auto-Submitted", "auto-replied");
        receipt.Headers.Add("X-Auto-Response-Suppress", "All");
        var received = TimeZoneInfo.ConvertTime(sinkEvent.Event.Data.Document?.Date ?? sinkEvent.Event.Time, Sweden);
        var document = sinkEvent.DocumentNumber is { } number ? $" som handling {number.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        receipt.Body = new TextPart("plain")
        {
            Text = string.Create(CultureInfo.GetCultureInfo("sv-SE"), $"""
                Hej!

                Tack för ditt meddelande. Vi tog emot det den {received:d MMMM yyyy} klockan {received:HH:mm} och har registrerat det med diarienummer {diarienummer}{document}.

                Ange diarienumret om du skriver till oss igen i samma ärende, eller svara på det här meddelandet, så hamnar ditt svar i rätt ärende.

                E-post till kommunen blir som regel allmän handling. Skicka inte känsliga uppgifter med vanlig e-post.

                Det här är ett automatiskt meddelande.

                Med vänlig hälsning
                {options.Receipts.FromName ?? from}
                """),
        };
        return receipt;
    }

    private async Task<SinkResult> SendAsync(MimeMessage receipt, CancellationToken cancellationToken)
    {
        using var smtp = MailConnections.NewSmtpClient();
        try
        {
            await connections.ConnectAsync(smtp, options.Receipts.Smtp, cancellationToken);
            await smtp.SendAsync(receipt, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            return SinkResult.Done;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 500 and < 600 && e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return SinkResult.Permanent($"The SMTP server refused the recipient ({(int)e.StatusCode}).");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException
                                      or MailKit.Security.AuthenticationException or TimeoutException or ServiceNotConnectedException)
        {
            return SinkResult.Transient($"Sending the receipt failed: {e.GetType().Name}.");
        }
    }
}
