using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>
/// One backend: a fresh mailbox filled with the mix, then a fresh hub watching it; the drain is timed until every mail
/// is in the registrator's inbox, checked for exactly once, then (optionally) the paced SMTP stream runs on the same hub.
/// </summary>
internal static class MailboxRun
{
    /// <summary>The name of the mailbox in the hub's settings (Adapters:Mailbox:bench).</summary>
    public const string MailboxName = "bench";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StallLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan TotalLimit = TimeSpan.FromMinutes(20);

    public sealed record Outcome(
        DrainFigure Drain, IReadOnlyList<ClassFigure> Classes, PacedFigure? Paced, IReadOnlyList<MixRow> Mix, string HubCommand, string Address, string Notes);

    public static async Task<Outcome> RunAsync(
        string backend, MailboxBenchSettings settings, string workDirectory, TextWriter progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(workDirectory, backend);
        var dataDirectory = Path.Combine(folder, "data");
        Directory.CreateDirectory(dataDirectory);
        var address = BenchMailbox.NewAddress("bench");
        var token = address[..address.IndexOf('@', StringComparison.Ordinal)];
        var mails = MailMix.Create(settings.Count, settings.Seed, settings.SamplesDirectory, address, token);

        await using var mailbox = await BenchMailbox.ConnectAsync(settings.Imap, address, settings.Password, cancellationToken);
        await progress.WriteLineAsync($"[bench] {backend}: appending {mails.Count} mails ({Stats.F(mails.Sum(m => m.Bytes) / 1e6)} MB) to {address}");
        var appendSeconds = await mailbox.AppendAsync(mails, progress, backend, cancellationToken);
        var before = await mailbox.CountsAsync(cancellationToken);
        if (before.Inbox != mails.Count)
        {
            throw new BenchException($"The INBOX of {address} holds {before.Inbox} mails after appending {mails.Count}.");
        }

        await progress.WriteLineAsync($"[bench] {backend}: appended in {Stats.F(appendSeconds, 1)} s; starting the hub");
        string? schema = null;
        HubProcess? hub = null;
        try
        {
            (hub, schema) = await StartHubAsync(backend, folder, dataDirectory, address, settings, cancellationToken);
            using var api = new HubApi(hub.BaseAddress);
            var (drain, classes, events, orderNote) = await DrainAsync(backend, hub, api, mailbox, mails, appendSeconds, progress, cancellationToken);
            var notes = new StringBuilder();
            notes.AppendLine(CultureInfo.InvariantCulture, $"{backend}: mailbox {address} (IMAP {mailbox.Capabilities}); {orderNote}");

            PacedFigure? paced = null;
            if (settings.PacedRun)
            {
                paced = await PacedStream.RunAsync(backend, hub, api, mailbox, settings, drain, events, progress, cancellationToken);
            }

            var status = await api.MailboxStatusAsync(MailboxName, cancellationToken);
            if (status is not null)
            {
                notes.AppendLine(CultureInfo.InvariantCulture,
                    $"{backend}: the adapter counted {status.Registered} registered, {status.Duplicates} duplicates; last failure: {status.LastFailure ?? "none"}{(status.LastFailureAt is { } at ? $" at {at:HH:mm:ss}" : string.Empty)}");
            }

            notes.AppendLine(CultureInfo.InvariantCulture, $"{backend}: {await StorageNoteAsync(backend, dataDirectory, schema, settings)}; hub peak RSS (VmHWM) at the end {Mib(hub.PeakWorkingSetBytes)}");
            notes.Append(LogNote(backend, hub));
            return new Outcome(drain, classes, paced, MailMix.Summary(mails), hub.CommandLine, address, notes.ToString().TrimEnd());
        }
        catch (BenchException) when (hub is not null)
        {
            await progress.WriteLineAsync($"[bench] {backend}: the hub's last output:{Environment.NewLine}{hub.LogTail(30)}");
            throw;
        }
        finally
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }

            if (schema is not null)
            {
                await PostgresSchema.DropAsync(settings.PostgresConnectionString!, schema, progress);
            }

            if (!settings.Keep)
            {
                try
                {
                    await mailbox.DeleteAllAsync(CancellationToken.None);
                    await progress.WriteLineAsync($"[bench] {backend}: emptied the mailbox {address} (its folders deleted)");
                }
                catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or InvalidOperationException)
                {
                    await progress.WriteLineAsync($"[bench] {backend}: could not empty the mailbox {address}: {e.Message}");
                }
            }
        }
    }

    private static async Task<(HubProcess Hub, string? Schema)> StartHubAsync(
        string backend, string folder, string dataDirectory, string address, MailboxBenchSettings settings, CancellationToken cancellationToken)
    {
        var at = $"--Adapters:Mailbox:{MailboxName}";
        var hubSettings = new List<string>
        {
            $"--Hub:Storage:DataDirectory={dataDirectory}",
            "--Hub:Deadlines:Enabled=false",
            $"--Hub:Municipalities:{HubApi.Municipality}:Name=Sundsvalls kommun",
            $"--Hub:Municipalities:{HubApi.Municipality}:Diaries:KS:Format={{series}} {{year}}/{{number}}",
            $"--Hub:Municipalities:{HubApi.Municipality}:CaseTypes:allmant:Diary=KS",
            $"{at}:Municipality={HubApi.Municipality}",
            $"{at}:Address={address}",
            $"{at}:Imap:Host={settings.Imap.Host}",
            $"{at}:Imap:Port={settings.Imap.Port.ToString(CultureInfo.InvariantCulture)}",
            $"{at}:Imap:Security=None",
            $"{at}:Imap:Username={address}",
            $"{at}:Defaults:CaseType=allmant",
            $"{at}:Defaults:Unit=registrator",
            $"{at}:Receipts:Enabled=false",
        };
        // Secrets in the environment rather than on the command line, so they are not in ps or in the report.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"Adapters__Mailbox__{MailboxName}__Imap__Password"] = settings.Password,
        };
        string? schema = null;
        if (backend == "postgresql")
        {
            schema = PostgresSchema.NewName();
            hubSettings.Add("--Hub:Storage:Provider=PostgreSql");
            hubSettings.Add($"--Hub:Storage:PostgreSqlSchema={schema}");
            environment["Hub__Storage__PostgreSqlConnectionString"] = settings.PostgresConnectionString!;
        }

        hubSettings.AddRange(settings.HubArguments);
        var hub = await HubProcess.StartAsync(settings.HostDll, hubSettings, environment, Path.Combine(folder, "hub.log"), cancellationToken);
        return (hub, schema);
    }

    /// <summary>
    /// Polls the feed every 50 ms from the oldest event not yet registered: an event has its caseId in the same
    /// transaction that adds its inbox item, so that is when the inbox API shows it. Done when all N are registered;
    /// then the inbox API and the IMAP folders are checked.
    /// </summary>
    private static async Task<(DrainFigure, IReadOnlyList<ClassFigure>, IReadOnlyList<FeedEntry>, string)> DrainAsync(
        string backend, HubProcess hub, HubApi api, BenchMailbox mailbox, IReadOnlyList<BenchMail> mails, double appendSeconds,
        TextWriter progress, CancellationToken cancellationToken)
    {
        var n = mails.Count;
        var seen = new SortedDictionary<long, FeedEntry>();
        var registeredAt = new Dictionary<long, DateTimeOffset>();
        long cursor = 0;
        var total = Stopwatch.StartNew();
        var lastChange = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var allAt = DateTimeOffset.MinValue;
        var cpuAtAll = TimeSpan.Zero;
        long? peakAtAll = null;
        while (true)
        {
            var entries = await api.ReadFeedAsync(cursor, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var changed = false;
            foreach (var entry in entries)
            {
                changed |= !seen.TryGetValue(entry.Sequence, out var known) || known.Registered != entry.Registered;
                seen[entry.Sequence] = entry;
                if (entry.Registered && registeredAt.TryAdd(entry.Sequence, now))
                {
                    changed = true;
                }
            }

            // Read again from just before the oldest event not yet registered (the pipeline's 5 handlers finish out of order).
            var pending = seen.Keys.Where(s => !registeredAt.ContainsKey(s)).Take(1).ToList();
            cursor = pending.Count > 0 ? pending[0] - 1 : seen.Count > 0 ? seen.Keys.Last() : 0;
            if (registeredAt.Count >= n)
            {
                allAt = now;
                cpuAtAll = hub.CpuTime;
                peakAtAll = hub.PeakWorkingSetBytes;
                break;
            }

            if (changed)
            {
                lastChange.Restart();
            }
            else if (lastChange.Elapsed > StallLimit)
            {
                throw new BenchException($"No mail was taken in or registered for {StallLimit.TotalMinutes} minutes: {seen.Count} taken in, {registeredAt.Count} registered of {n}.");
            }

            if (total.Elapsed > TotalLimit)
            {
                throw new BenchException($"The drain did not end within {TotalLimit.TotalMinutes} minutes: {seen.Count} taken in, {registeredAt.Count} registered of {n}.");
            }

            if (lastReport.Elapsed.TotalSeconds >= 5)
            {
                lastReport.Restart();
                await progress.WriteLineAsync($"[bench] {backend}: {(now - hub.StartedAt).TotalSeconds:F0} s: {seen.Count} mails taken in, {registeredAt.Count} registered of {n}");
            }

            await Task.Delay(PollInterval, cancellationToken); // a bounded poll: the stall and total limits above
        }

        var events = seen.Values.ToList();
        var check = await VerifyAsync(api, mailbox, events, n, mails.Count(m => m.Unreadable), cancellationToken);
        await progress.WriteLineAsync($"[bench] {backend}: all {n} registered {(allAt - hub.StartedAt).TotalSeconds:F1} s after the hub's start; {check.Describe()}");
        if (!check.ExactlyOnce)
        {
            throw new BenchException($"Not exactly once after the drain: {check.Describe()}.");
        }

        var status = await api.MailboxStatusAsync(MailboxName, cancellationToken);
        var lags = events.Select(e => (registeredAt[e.Sequence] - e.ReceivedAt).TotalMilliseconds).ToList();
        double Since(DateTimeOffset t) => (t - hub.StartedAt).TotalSeconds;
        var firstRegistered = registeredAt.Values.Min();
        var drain = new DrainFigure(
            backend, n, mails.Sum(m => m.Bytes) / 1e6, appendSeconds,
            Since(hub.HealthyAt), status?.LastConnectedAt is { } connected ? Since(connected) : double.NaN,
            Since(firstRegistered), Since(events.Max(e => e.ReceivedAt)), Since(allAt),
            cpuAtAll.TotalSeconds / (allAt - hub.StartedAt).TotalSeconds, peakAtAll,
            Stats.Percentile(lags, 50), Stats.Percentile(lags, 95), lags.Max(),
            check);
        var (classes, orderNote) = Classes(backend, mails, events, status?.LastConnectedAt);
        return (drain, classes, events, orderNote);
    }

    /// <summary>Counts what the hub and the mailbox hold against what was sent; waits (bounded) for the last MOVE.</summary>
    public static async Task<Verification> VerifyAsync(
        HubApi api, BenchMailbox mailbox, IReadOnlyList<FeedEntry> events, int expected, int expectedUnreadable, CancellationToken cancellationToken)
    {
        var inbox = (await api.ReadWholeInboxAsync(cancellationToken)).Where(i => i.ReceivedVia == mailbox.Address).Select(i => i.Sequence).Distinct().Count();
        var ours = events.Where(e => e.ReceivedVia == mailbox.Address).ToList();
        var folders = await mailbox.CountsAsync(cancellationToken);
        var wait = Stopwatch.StartNew();
        while (folders.Processed + folders.Review < expected && wait.Elapsed < TimeSpan.FromSeconds(30))
        {
            // The adapter moves a mail right after the hub accepted it: the last MOVE may still be on its way.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            folders = await mailbox.CountsAsync(cancellationToken);
        }

        return new Verification(expected, inbox, ours.Count, ours.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count(), folders, expectedUnreadable);
    }

    /// <summary>
    /// The adapter handles one mail at a time in UID order, which is the order they were appended, so the k-th event is
    /// the k-th mail (checked against the Message-ID where the event has one). The time between two intakes is what the
    /// adapter spent on the later mail: FETCH, parse, content store, intake, then the MOVE of the one before.
    /// </summary>
    private static (IReadOnlyList<ClassFigure>, string) Classes(string backend, IReadOnlyList<BenchMail> mails, IReadOnlyList<FeedEntry> events, DateTimeOffset? connectedAt)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var withId = ordered.Select((e, i) => (e, i)).Where(x => x.e.DocumentId is not null).ToList();
        var mismatched = withId.Count(x => x.e.DocumentId != mails[x.i].MessageId);
        var note = $"order check: {withId.Count - mismatched} of {withId.Count} events with a Message-ID are the mail appended at their place";
        if (mismatched > 0)
        {
            return ([], note + " - no per-class split");
        }

        var gaps = new List<(MailClass Class, long Bytes, double Milliseconds)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var previous = i > 0 ? ordered[i - 1].ReceivedAt : connectedAt;
            if (previous is { } p)
            {
                gaps.Add((mails[i].Class, mails[i].Bytes, (ordered[i].ReceivedAt - p).TotalMilliseconds));
            }
        }

        return ([.. gaps.GroupBy(g => g.Class).OrderBy(g => g.Key).Select(g =>
        {
            var ms = g.Select(x => x.Milliseconds).ToList();
            return new ClassFigure(backend, g.Key, g.Count(), g.Sum(x => x.Bytes) / 1e6, ms.Sum() / 1000, Stats.Percentile(ms, 50), Stats.Percentile(ms, 95), ms.Max());
        })], note + (connectedAt is null ? " (the first mail has no previous intake and is left out)" : " (the first mail's time counts from the adapter's IMAP login)"));
    }

    private static async Task<string> StorageNoteAsync(string backend, string dataDirectory, string? schema, MailboxBenchSettings settings)
    {
        if (schema is null)
        {
            var bytes = Directory.EnumerateFiles(dataDirectory).Sum(f => new FileInfo(f).Length);
            return $"the data folder (hub.db with its WAL) was {Stats.F(bytes / 1024.0 / 1024.0)} MiB at the end";
        }

        try
        {
            await using var connection = new NpgsqlConnection(settings.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r'",
                connection);
            command.Parameters.AddWithValue("schema", schema);
            var bytes = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            return $"the schema {schema}'s tables were {Stats.F(bytes / 1024.0 / 1024.0)} MiB at the end";
        }
        catch (NpgsqlException e)
        {
            return $"{backend}: the schema's size is unknown ({e.Message})";
        }
    }

    /// <summary>The warnings and errors the hub logged (the console logger's "warn:" and "fail:" lines).</summary>
    private static string LogNote(string backend, HubProcess hub)
    {
        var lines = hub.LogLines();
        var flagged = lines.Select((line, i) => (line, i)).Where(x => x.line.StartsWith("warn:", StringComparison.Ordinal) || x.line.StartsWith("fail:", StringComparison.Ordinal)).ToList();
        if (flagged.Count == 0)
        {
            return $"{backend}: the hub logged no warning or error";
        }

        // The console logger writes the category on the flagged line and the message on the next.
        var first = flagged.Take(3).Select(x => $"{x.line.Trim()} {(x.i + 1 < lines.Count ? lines[x.i + 1].Trim() : string.Empty)}");
        return $"{backend}: the hub logged {flagged.Count(x => x.line.StartsWith("warn:", StringComparison.Ordinal))} warnings and {flagged.Count(x => x.line.StartsWith("fail:", StringComparison.Ordinal))} errors, first: {string.Join(" | ", first)}";
    }

    private static string Mib(long? bytes) => bytes is { } b ? $"{Stats.F(b / 1024.0 / 1024.0, 0)} MiB" : "unknown";

}
