using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>
/// The test mail stack (scripts/test-services.sh): OpenSMTPD delivering every recipient into Dovecot, where every address
/// is a mailbox of its own that logs in with the shared password. Tests use addresses of their own, so they can share it.
/// </summary>
public static class MailServer
{
    /// <summary>A fresh address in the municipality's domain, e.g. kommunen-1a2b3c4d@exempelkommun.se.</summary>
    public static string NewAddress(string localPart, string domain = "exempelkommun.se") => $"{localPart}-{Guid.NewGuid():N}"[..(localPart.Length + 9)] + "@" + domain;

    /// <summary>A sample mail from samples/mail, sent from <paramref name="from"/> to <paramref name="to"/> (and Cc), with a fresh Message-ID.</summary>
    public static MimeMessage Sample(string fileName, string from, string to, string? cc = null, string? messageId = null)
    {
        var path = RepositoryFiles.In("samples/mail", fileName).Single();
        var message = MimeMessage.Load(path);
        Retarget(message, from, to, cc);
        message.MessageId = messageId ?? MimeUtils.GenerateMessageId("mail.example.com");
        return message;
    }

    /// <summary>Keeps the names, replaces the addresses (a sample without From stays without).</summary>
    public static void Retarget(MimeMessage message, string from, string to, string? cc = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.From.Count > 0)
        {
            var name = message.From.Mailboxes.First().Name;
            message.From.Clear();
            message.From.Add(new MailboxAddress(name, from));
        }

        message.ReplyTo.Clear();
        message.Sender = null;
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse(to));
        message.Cc.Clear();
        if (cc is not null)
        {
            message.Cc.Add(MailboxAddress.Parse(cc));
        }
    }

    /// <summary>Sends over SMTP; the envelope goes to every To and Cc.</summary>
    public static async Task SendAsync(MimeMessage message, string? envelopeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (host, port) = TestServers.Smtp;
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(host, port, SecureSocketOptions.None);
        var sender = envelopeFrom is null ? message.From.Mailboxes.FirstOrDefault() ?? new MailboxAddress(null, "postmaster@example.com") : MailboxAddress.Parse(envelopeFrom);
        await smtp.SendAsync(message, sender, message.To.Mailboxes.Concat(message.Cc.Mailboxes));
        await smtp.DisconnectAsync(true);
    }

    /// <summary>Logs in to an address's mailbox.</summary>
    public static async Task<ImapClient> OpenAsync(string address)
    {
        var (host, port) = TestServers.Imap;
        var client = new ImapClient();
        await client.ConnectAsync(host, port, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, TestServers.ImapPassword);
        return client;
    }

    /// <summary>The messages in a folder of an address's mailbox (an absent folder is empty).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MessagesAsync(string address, string folder = "INBOX")
    {
        using var client = await OpenAsync(address);
        IMailFolder found;
        try
        {
            found = await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await found.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await found.SearchAsync(SearchQuery.All))
        {
            try
            {
                messages.Add(await found.GetMessageAsync(uid));
            }
            catch (Exception e) when (e is MessageNotFoundException or FormatException or ImapCommandException)
            {
                // The adapter moved it away between the search and the fetch: it is not in this folder any more.
            }
        }

        await client.DisconnectAsync(true);
        return messages;
    }

    /// <summary>How many messages a folder of an address's mailbox holds (without fetching them).</summary>
    public static async Task<int> CountAsync(string address, string folder = "INBOX")
    {
        using var client = await OpenAsync(address);
        var found = await client.GetFolderAsync(folder);
        await found.OpenAsync(FolderAccess.ReadOnly);
        var count = found.Count;
        await client.DisconnectAsync(true);
        return count;
    }

    /// <summary>Waits until a folder holds a message matching <paramref name="match"/> and returns it.</summary>
    public static async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> match, string what, string folder = "INBOX", TimeSpan? timeout = null)
    {
        MimeMessage? found = null;
        await Eventually.True(async () => (found = (await MessagesAsync(address, folder)).FirstOrDefault(match)) is not null, what, timeout);
        return found!;
    }

    /// <summary>Appends a message straight into an address's inbox (as if delivered while the hub was down).</summary>
    public static async Task AppendAsync(string address, IEnumerable<MimeMessage> messages)
    {
        using var client = await OpenAsync(address);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        foreach (var message in messages)
        {
            await inbox.AppendAsync(message);
        }

        await client.DisconnectAsync(true);
    }
}
