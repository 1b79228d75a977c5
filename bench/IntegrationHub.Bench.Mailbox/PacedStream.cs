using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>
/// Mails sent over SMTP at a steady rate into the mailbox the hub is watching (IDLE), after the drain: latency from
/// SMTP's 250 after DATA until the registrator's inbox API lists the mail, polled every 20 ms.
/// </summary>
internal static class PacedStream
{
    /// <summary>The stream's rate is at most this share of the drain rate just measured, so it measures latency, not a queue.</summary>
    public const double Load = 0.25;

    private const int MessagesPerSession = 50;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(2);
    private static readonly FormatOptions Wire = CreateWireFormat();

    public static async Task<PacedFigure> RunAsync(
        string backend, HubProcess hub, HubApi api, BenchMailbox mailbox, MailboxBenchSettings settings, DrainFigure drain,
        IReadOnlyList<FeedEntry> drained, TextWriter progress, CancellationToken cancellationToken)
    {
        var rate = Math.Min(settings.Rate, drain.MailsPerSecond * Load);
        var count = Math.Min(settings.Paced, Math.Max(20, (int)Math.Round(rate * 90)));
        var token = "paced-" + mailbox.Address[..mailbox.Address.IndexOf('@', StringComparison.Ordinal)];
        var mails = MailMix.Create(count, settings.Seed + 1, settings.SamplesDirectory, mailbox.Address, token);
        var after = drained.Max(e => e.Sequence);
        await progress.WriteLineAsync($"[bench] {backend}: sending {count} mails ({Stats.F(mails.Sum(m => m.Bytes) / 1e6)} MB) over SMTP at {Stats.F(rate, 2)}/s");

        var accepted = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var shown = new ConcurrentDictionary<long, DateTimeOffset>();
        var sendDone = false;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cpuBefore = hub.CpuTime;
        var startedAt = DateTimeOffset.UtcNow;

        async Task PollAsync()
        {
            var sinceProgress = Stopwatch.StartNew();
            while (shown.Count < count)
            {
                var added = false;
                long? before = null;
                for (var page = 0; page < 10; page++)
                {
                    var (items, next) = await api.ReadInboxAsync(before, 10, failed.Token);
                    var now = DateTimeOffset.UtcNow;
                    var fresh = items.Where(i => i.Sequence > after && i.ReceivedVia == mailbox.Address && shown.TryAdd(i.Sequence, now)).Count();
                    added |= fresh > 0;
                    // Items newer than the last poll are on top; when a whole page was new, the next may hold more.
                    if (fresh < items.Count || next is null)
                    {
                        break;
                    }

                    before = next;
                }

                if (added)
                {
                    sinceProgress.Restart();
                }
                else if (Volatile.Read(ref sendDone) && sinceProgress.Elapsed > StallLimit)
                {
                    throw new BenchException($"{count - shown.Count} of the {count} mails sent over SMTP were not in the inbox {StallLimit.TotalMinutes} minutes after the last one.");
                }

                await Task.Delay(PollInterval, failed.Token); // a bounded poll: the stall limit above
            }
        }

        var poller = PollAsync();
        double sendSeconds;
        try
        {
            using var smtp = new SmtpClient { Timeout = 120_000 };
            await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, SecureSocketOptions.None, cancellationToken);
            var recipients = new[] { MailboxAddress.Parse(mailbox.Address) };
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < mails.Count; i++)
            {
                // Steady and open loop while the sends keep up: each mail at its slot, however long the one before took.
                var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                if (poller.IsFaulted)
                {
                    break;
                }

                if (i > 0 && i % MessagesPerSession == 0)
                {
                    // OpenSMTPD takes at most 100 messages in one session ("4.5.3 Too many messages sent"): a new one.
                    await smtp.DisconnectAsync(quit: true, cancellationToken);
                    await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, SecureSocketOptions.None, cancellationToken);
                }

                var mail = mails[i];
                var sender = mail.Message.From.Mailboxes.FirstOrDefault() ?? MailboxAddress.Parse("okand-avsandare@example.com");
                // Only the bench mailbox as recipient: a sample's Cc (another function mailbox) gets nothing.
                await smtp.SendAsync(Wire, mail.Message, sender, recipients, cancellationToken);
                accepted[mail.MessageId] = DateTimeOffset.UtcNow;
            }

            sendSeconds = clock.Elapsed.TotalSeconds;
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            await failed.CancelAsync();
            throw new BenchException($"SMTP {settings.Smtp.Host}:{settings.Smtp.Port} failed after {accepted.Count} of {count} mails ({e.GetType().Name}: {e.Message}).", e);
        }
        finally
        {
            Volatile.Write(ref sendDone, true);
        }

        await poller;
        var cores = (hub.CpuTime - cpuBefore).TotalSeconds / (DateTimeOffset.UtcNow - startedAt).TotalSeconds;
        var feed = await api.ReadFeedAsync(after, cancellationToken);
        var latency = new List<double>();
        var toIntake = new List<double>();
        var toInbox = new List<double>();
        foreach (var entry in feed.Where(e => e.ReceivedVia == mailbox.Address))
        {
            // Unreadable mails are registered without their Message-ID, so they count but give no sample.
            if (entry.DocumentId is { } id && accepted.TryGetValue(id, out var at) && shown.TryGetValue(entry.Sequence, out var inInbox))
            {
                latency.Add((inInbox - at).TotalMilliseconds);
                toIntake.Add((entry.ReceivedAt - at).TotalMilliseconds);
                toInbox.Add((inInbox - entry.ReceivedAt).TotalMilliseconds);
            }
        }

        var expected = drained.Count + count;
        var check = await MailboxRun.VerifyAsync(api, mailbox, [.. drained, .. feed], expected, drain.Check.ExpectedUnreadable + mails.Count(m => m.Unreadable), cancellationToken);
        await progress.WriteLineAsync(
            $"[bench] {backend}: paced: {latency.Count} samples, SMTP → inbox p50 {Stats.F(Stats.Percentile(latency, 50), 0)} ms, p95 {Stats.F(Stats.Percentile(latency, 95), 0)} ms; {check.Describe()}");
        if (!check.ExactlyOnce)
        {
            throw new BenchException($"Not exactly once after the paced stream: {check.Describe()}.");
        }

        return new PacedFigure(
            backend, count, rate, sendSeconds, latency.Count,
            Stats.Percentile(latency, 50), Stats.Percentile(latency, 95), latency.DefaultIfEmpty(double.NaN).Max(),
            Stats.Percentile(toIntake, 50), Stats.Percentile(toIntake, 95), Stats.Percentile(toInbox, 50), Stats.Percentile(toInbox, 95),
            cores, check);
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
