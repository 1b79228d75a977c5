using System.Diagnostics;
using System.Net;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>How many mails each of the mailbox's folders holds.</summary>
internal sealed record FolderCounts(int Inbox, int Processed, int Review);

/// <summary>
/// The bench's own IMAP session on the test Dovecot, logged in as the bench mailbox (Dovecot is catch-all: any address
/// is a mailbox of its own, logging in as that address): fills the INBOX, counts the folders, empties it all afterwards.
/// </summary>
internal sealed class BenchMailbox : IAsyncDisposable
{
    /// <summary>The adapter's default folders (Adapters:Mailbox:{name}:Folders:Processed and :Review).</summary>
    public const string ProcessedFolder = "Registrerat";
    public const string ReviewFolder = "Granska";

    private static readonly FormatOptions Wire = CreateWireFormat();
    private readonly ImapClient _client;

    private BenchMailbox(ImapClient client, string address)
    {
        _client = client;
        Address = address;
    }

    public string Address { get; }

    /// <summary>The server's IMAP capabilities the adapter relies on (IDLE, MOVE, UIDPLUS).</summary>
    public string Capabilities =>
        string.Join(", ", ((ImapCapabilities[])[ImapCapabilities.Idle, ImapCapabilities.Move, ImapCapabilities.UidPlus])
            .Select(c => $"{c.ToString().ToUpperInvariant()} {(_client.Capabilities.HasFlag(c) ? "yes" : "no")}"));

    /// <summary>A new address at the municipality's domain, so each run starts with an empty mailbox.</summary>
    public static string NewAddress(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}@exempelkommun.se";

    public static async Task<BenchMailbox> ConnectAsync(DnsEndPoint server, string address, string password, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = 120_000 };
        try
        {
            await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None, cancellationToken);
            await client.AuthenticateAsync(address, password, cancellationToken);
            return new BenchMailbox(client, address);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ImapProtocolException or AuthenticationException)
        {
            client.Dispose();
            throw new BenchException($"Cannot log in to IMAP {server.Host}:{server.Port} as {address} ({e.GetType().Name}: {e.Message}); is the mail stack up? IHUB_TEST_SERVICES=mail scripts/test-services.sh start", e);
        }
    }

    /// <summary>APPENDs every mail to the INBOX, in order (so their UIDs follow the mix); returns the seconds it took.</summary>
    public async Task<double> AppendAsync(IReadOnlyList<BenchMail> mails, TextWriter progress, string backend, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var reported = started;
        for (var i = 0; i < mails.Count; i++)
        {
            await _client.Inbox.AppendAsync(Wire, new AppendRequest(mails[i].Message, MessageFlags.None), cancellationToken);
            if (Stopwatch.GetElapsedTime(reported).TotalSeconds >= 5)
            {
                reported = Stopwatch.GetTimestamp();
                await progress.WriteLineAsync($"[bench] {backend}: appended {i + 1} of {mails.Count}");
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>The number of mails in INBOX, Registrerat and Granska (0 for a folder not created yet).</summary>
    public async Task<FolderCounts> CountsAsync(CancellationToken cancellationToken)
    {
        async Task<int> CountAsync(IMailFolder? folder)
        {
            if (folder is null)
            {
                return 0;
            }

            await folder.StatusAsync(StatusItems.Count, cancellationToken);
            return folder.Count;
        }

        return new FolderCounts(
            await CountAsync(_client.Inbox),
            await CountAsync(await FindAsync(ProcessedFolder, cancellationToken)),
            await CountAsync(await FindAsync(ReviewFolder, cancellationToken)));
    }

    /// <summary>Deletes the adapter's folders with their mails and expunges whatever is left in the INBOX.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        foreach (var name in (string[])[ProcessedFolder, ReviewFolder])
        {
            if (await FindAsync(name, cancellationToken) is { } folder)
            {
                await folder.DeleteAsync(cancellationToken);
            }
        }

        var inbox = _client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        if (inbox.Count > 0)
        {
            await inbox.StoreAsync(UniqueIdRange.All, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, cancellationToken);
            await inbox.ExpungeAsync(cancellationToken);
        }

        await inbox.CloseAsync(expunge: false, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ImapProtocolException)
        {
            // Gone already; the socket is closed below.
        }
        finally
        {
            _client.Dispose();
        }
    }

    private async Task<IMailFolder?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
