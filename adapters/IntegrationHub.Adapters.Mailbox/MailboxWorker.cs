using IntegrationHub.Adapters.Abstractions;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>
/// Watches one function mailbox: registers every mail in its inbox folder and only then moves it to the processed
/// folder (or, when it could not be read, to the review folder). Waits with IMAP IDLE where the server has it and polls
/// otherwise; reconnects with a growing delay after the server went away. A mail whose registration failed stays in the
/// inbox and is tried again, so nothing is lost; the hub's duplicate check makes the retry register nothing twice.
/// Waits (poll interval, reconnect delay) run on real time: they pace a conversation with a server; the hub's clock
/// only stamps what happened.
/// </summary>
internal sealed partial class MailboxWorker(
    string name,
    MailboxOptions options,
    MailConnections connections,
    MailRegistrar registrar,
    IServiceScopeFactory scopes,
    MailboxHealth health,
    TimeProvider timeProvider,
    ILogger<MailboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = MailConnections.NewImapClient();
                await connections.ConnectAsync(client, options.Imap, stoppingToken);
                health.Connected(name, timeProvider.GetUtcNow());
                LogConnected(logger, name, client.Capabilities.HasFlag(ImapCapabilities.Idle));
                delay = TimeSpan.FromSeconds(1);
                await WatchAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (e is AuthenticationException && options.Imap.OAuth2 is { } oauth)
                {
                    connections.Invalidate(oauth);
                }

                // The exception type and message only: MailKit's messages name servers and folders, never mail content.
                health.Failed(name, timeProvider.GetUtcNow(), e.GetType().Name);
                LogDisconnected(logger, name, e.GetType().Name, e.Message, delay);
                await Task.Delay(Jitter(delay), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task WatchAsync(ImapClient client, CancellationToken stoppingToken)
    {
        var inbox = await client.GetFolderAsync(options.Folders.Inbox, stoppingToken);
        var processed = await EnsureFolderAsync(client, options.Folders.Processed, stoppingToken);
        var review = await EnsureFolderAsync(client, options.Folders.Review, stoppingToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RegisterWaitingAsync(inbox, processed, review, stoppingToken);
            health.Polled(name, timeProvider.GetUtcNow());
            // Registered mail has left the folder, so anything still counted arrived meanwhile (its EXISTS came with an
            // earlier command's answer, not during IDLE): register it before waiting.
            if (inbox.Count > 0)
            {
                continue;
            }

            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                await IdleAsync(client, inbox, stoppingToken);
            }
            else
            {
                await Task.Delay(options.PollInterval, stoppingToken);
                await client.NoOpAsync(stoppingToken);
            }
        }
    }

    /// <summary>Registers every mail in the inbox folder, oldest first, moving each one after the hub accepted it.</summary>
    private async Task RegisterWaitingAsync(IMailFolder inbox, IMailFolder processed, IMailFolder review, CancellationToken cancellationToken)
    {
        var uids = await inbox.SearchAsync(SearchQuery.All, cancellationToken);
        if (uids.Count == 0)
        {
            return;
        }

        var summaries = await inbox.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate | MessageSummaryItems.Size, cancellationToken);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] raw;
            await using (var stream = await inbox.GetStreamAsync(summary.UniqueId, string.Empty, cancellationToken))
            using (var buffer = new MemoryStream(summary.Size is { } size ? (int)Math.Min(size, int.MaxValue) : 0))
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                raw = buffer.ToArray();
            }

            // The server's received date (INTERNALDATE) is when the document came in.
            var outcome = await RegisterAsync(raw, summary.InternalDate ?? timeProvider.GetUtcNow(), cancellationToken);
            await inbox.MoveToAsync(summary.UniqueId, outcome.Readable ? processed : review, cancellationToken);
            health.Registered(name, timeProvider.GetUtcNow(), outcome.Duplicate);
            LogRegistered(logger, name, outcome.EventId, outcome.Readable, outcome.Duplicate);
        }
    }

    private async Task<MailOutcome> RegisterAsync(byte[] raw, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var (caseEvent, readable) = await registrar.BuildAsync(raw, receivedAt, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ICaseEventIntake>();
        try
        {
            var receipt = await intake.SubmitAsync([caseEvent], cancellationToken);
            return new MailOutcome(caseEvent.Id, readable, receipt.Events[0].Duplicate);
        }
        catch (CaseEventsRejectedException e)
        {
            // The mail held something the schema does not allow (an odd address, say): register the original for review.
            var rules = string.Join("; ", e.Rejected.SelectMany(r => r.Errors).Select(x => $"{x.Pointer}: {x.Rule}").Distinct().Take(5));
            var fallback = await registrar.FallbackAsync(raw, receivedAt, $"Meddelandet kunde inte registreras med sina uppgifter ({rules}).", cancellationToken);
            var receipt = await intake.SubmitAsync([fallback], cancellationToken);
            return new MailOutcome(fallback.Id, false, receipt.Events[0].Duplicate);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The hub did not accept it: the mail stays in the inbox and is tried again after a reconnect.
            throw new IntakeUnavailableException("The hub did not accept the mail's event; it stays in the inbox and is retried.", e);
        }
    }

    private async Task IdleAsync(ImapClient client, IMailFolder inbox, CancellationToken stoppingToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        done.CancelAfter(options.IdleRefresh);
        void OnArrival(object? sender, EventArgs e) => done.Cancel();
        inbox.CountChanged += OnArrival;
        try
        {
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            inbox.CountChanged -= OnArrival;
        }
    }

    private static async Task<IMailFolder> EnsureFolderAsync(ImapClient client, string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(folder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(folder, isMessageFolder: true, cancellationToken)
                ?? throw new FolderNotFoundException(folder);
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, delay.TotalMilliseconds / 4) + 1));

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} connected (IDLE: {Idle})")]
    private static partial void LogConnected(ILogger logger, string mailbox, bool idle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} lost its connection or could not register a mail ({Error}: {Detail}); reconnecting in {Delay}")]
    private static partial void LogDisconnected(ILogger logger, string mailbox, string error, string detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} registered mail as event {EventId} (readable: {Readable}, duplicate: {Duplicate})")]
    private static partial void LogRegistered(ILogger logger, string mailbox, string eventId, bool readable, bool duplicate);
}

/// <summary>The hub did not accept a mail's event (the store or bus is down); the mail stays and is retried.</summary>
internal sealed class IntakeUnavailableException : Exception
{
    public IntakeUnavailableException() { }

    public IntakeUnavailableException(string message) : base(message) { }

    public IntakeUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
