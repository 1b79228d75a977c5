using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>A recipient's INBOX on the IMAP test server (every address is a mailbox of its own).</summary>
internal static class Mailbox
{
    /// <summary>Mail is delivered asynchronously after SMTP accepted it.</summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(20);

    /// <summary>A fresh address on the test server that no other test uses (ASCII, as the IMAP server's user names are).</summary>
    public static string NewAddress(string who) =>
        $"{new string([.. who.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)])}.{Guid.NewGuid():N}@example.se";

    /// <summary>Every message in the address's INBOX, oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> ReadAsync(string address, CancellationToken cancellationToken)
    {
        var (host, port) = TestEnvironment.Imap;
        using var client = new ImapClient();
        await client.ConnectAsync(host, port, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(address, TestEnvironment.ImapPassword, cancellationToken);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var messages = new List<MimeMessage>();
        for (var i = 0; i < client.Inbox.Count; i++)
        {
            messages.Add(await client.Inbox.GetMessageAsync(i, cancellationToken));
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return messages;
    }

    /// <summary>Polls until the INBOX holds at least <paramref name="count"/> messages, and returns them all.</summary>
    public static Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count, CancellationToken cancellationToken) =>
        Eventually.Until(() => ReadAsync(address, cancellationToken), messages => messages.Count >= count, $"{count} message(s) to {address}", ArrivalTimeout, cancellationToken);
}
