using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Store.Subscriptions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegrationHub.Delivery.Email;

/// <summary>
/// Händelsenotifiering: tells the case's parties by e-mail that something new happened and where to log in — never
/// what happened. Only citizen-facing events (those with a Mina ärenden category) are notified. Each person gets a
/// message of their own (no one sees another party's address), marked <c>Auto-Submitted: auto-generated</c> so that
/// auto-replies stay away, with a Message-ID derived from the event and the address so a retry is recognisable.
/// </summary>
public sealed class EmailNotificationChannel(
    IOptions<EmailNotificationOptions> options,
    NotificationRecipients recipients) : IDeliveryChannel
{
    /// <inheritdoc />
    public DeliveryChannelKind Kind => DeliveryChannelKind.Email;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Subscription.Channel.Email
            ?? throw new InvalidOperationException($"Subscription {request.Subscription.Id} has no e-mail settings.");
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            return DeliveryOutcome.Transient($"No SMTP server is configured ({EmailNotificationOptions.Section}:Host); the notification waits until one is.");
        }

        var caseEvent = request.Event.Event;
        if (caseEvent.Data.Event.Category is null)
        {
            return DeliveryOutcome.NothingToSend("Not a citizen-facing event (it has no Mina ärenden category).");
        }

        if (request.Case is null)
        {
            return DeliveryOutcome.NothingToSend("The event belongs to no case.");
        }

        var addresses = await recipients.ForCaseAsync(caseEvent.Municipality, request.Case.Id, cancellationToken);
        if (addresses.Count == 0)
        {
            return DeliveryOutcome.NothingToSend("No party of the case has a registered e-mail address and wants notifications.");
        }

        var municipality = request.MunicipalityName ?? $"kommun {caseEvent.Municipality}";
        string Fill(string template) => template.Replace("{municipality}", municipality, StringComparison.Ordinal)
            .Replace("{loginUrl}", settings.LoginUrl.ToString(), StringComparison.Ordinal);

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Socket(smtp.Security), cancellationToken);
            if (smtp.UserName is not null)
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            var refused = 0;
            foreach (var address in addresses)
            {
                using var message = Compose(smtp, Fill, address, caseEvent.Id);
                try
                {
                    await client.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                {
                    // One bad address must not hold back the others, nor be retried for hours.
                    refused++;
                }
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
            return refused == addresses.Count
                ? DeliveryOutcome.Rejected($"The SMTP server refused every recipient ({refused}).")
                : DeliveryOutcome.Delivered;
        }
        catch (AuthenticationException)
        {
            return DeliveryOutcome.Transient($"The SMTP server {smtp.Host} rejected the hub's user name or password ({EmailNotificationOptions.Section}:UserName/Password).");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            return DeliveryOutcome.Transient($"Could not send through {smtp.Host}:{smtp.Port} ({e.GetType().Name}).");
        }
    }

    private static MimeMessage Compose(EmailNotificationOptions smtp, Func<string, string> fill, string address, string eventId)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fill(smtp.FromName), smtp.From!));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = fill(smtp.Subject);
        message.Body = new TextPart("plain") { Text = fill(smtp.Body) };
        var domain = smtp.From!.Split('@')[^1];
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId}\n{address.ToUpperInvariant()}")))[..32];
        message.MessageId = $"{digest}@{domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        return message;
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
