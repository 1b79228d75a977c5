using System.Globalization;
using System.Text;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>The report: header, the mix, the drain table, the per-class split, the paced table and the notes.</summary>
internal static class MailboxReport
{
    public static string Render(MailboxBenchSettings settings, string machine, IReadOnlyList<MailboxRun.Outcome> outcomes, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine();
        s.AppendLine(c, $"IntegrationHub mailbox benchmark, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {elapsed.TotalSeconds:F0} s");
        s.AppendLine(c, $"command:  {(settings.Command.Length > 0 ? settings.Command : "IntegrationHub.Bench.Mailbox " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)))}");
        s.AppendLine(machine);
        s.AppendLine(c, $"mail:     IMAP {settings.Imap.Host}:{settings.Imap.Port} and SMTP {settings.Smtp.Host}:{settings.Smtp.Port} (the test Dovecot and OpenSMTPD of scripts/test-services.sh)");
        foreach (var o in outcomes)
        {
            s.AppendLine(c, $"hub ({o.Drain.Backend}): {o.HubCommand}");
        }

        if (outcomes.Count > 0)
        {
            var mix = outcomes[0].Mix;
            s.AppendLine();
            s.AppendLine(c, $"Mix: {mix.Sum(r => r.Mails)} mails, seed {settings.Seed}, {Stats.F(mix.Sum(r => r.MegaBytes))} MB on the wire (CRLF, attachments base64), in a seeded shuffled order.");
            s.AppendLine("| class | mails | MB | smallest KB | largest KB | unreadable |");
            s.AppendLine("|---|--:|--:|--:|--:|--:|");
            foreach (var r in mix)
            {
                s.AppendLine(c, $"| {MailMix.Describe(r.Class)} | {r.Mails} | {Stats.F(r.MegaBytes, 2)} | {Stats.F(r.MinBytes / 1e3)} | {Stats.F(r.MaxBytes / 1e3)} | {r.Unreadable} |");
            }
        }

        s.AppendLine();
        s.AppendLine("Drain: all mails APPENDed to a fresh mailbox's INBOX before the hub started; seconds from the hub process's start.");
        s.AppendLine("first = first mail in the registrator's inbox, all = the last one; mails/s = (mails − 1) ÷ (all − first), from start = mails ÷ all.");
        s.AppendLine("lag = the hub's intake of a mail → its inbox item (the pipeline). Exactly once: inbox items = distinct events = mails, INBOX empty, Registrerat + Granska = mails.");
        s.AppendLine("| backend | mails | MB | healthy s | IMAP login s | first s | last intake s | all s | mails/s | from start | MB/s | lag p50 ms | lag p95 ms | hub CPU (cores) | peak RSS MiB | inbox items | Registrerat | Granska | exactly once |");
        s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var f in outcomes.Select(o => o.Drain))
        {
            s.AppendLine(c, $"| {f.Backend} | {f.Mails} | {Stats.F(f.MegaBytes)} | {Stats.F(f.HealthySeconds, 2)} | {Stats.F(f.ConnectedSeconds, 2)} | {Stats.F(f.FirstSeconds, 2)} | {Stats.F(f.LastIntakeSeconds, 1)} | {Stats.F(f.AllSeconds, 1)} | {Stats.F(f.MailsPerSecond, 1)} | {Stats.F(f.MailsPerSecondFromStart, 1)} | {Stats.F(f.MegaBytesPerSecond, 2)} | {Stats.F(f.LagP50Milliseconds, 0)} | {Stats.F(f.LagP95Milliseconds, 0)} | {Stats.F(f.HubCores, 2)} | {(f.PeakWorkingSetBytes is { } b ? Stats.F(b / 1024.0 / 1024.0, 0) : "–")} | {f.Check.InboxItems} | {f.Check.Folders.Processed} | {f.Check.Folders.Review} | {(f.Check.ExactlyOnce ? "yes" : "NO")} |");
        }

        var classes = outcomes.SelectMany(o => o.Classes).ToList();
        if (classes.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Where the drain's time went: the adapter handles one mail at a time, so the time from one intake to the next is what it spent on a mail");
            s.AppendLine("(IMAP FETCH of the whole mail, MIME parse, storing the original and every part, the intake transaction, then the MOVE of the one before).");
            s.AppendLine("| backend | class | mails | MB | adapter s | share | ms per mail p50 | p95 | max | mails/s | MB/s |");
            s.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var group in classes.GroupBy(f => f.Backend))
            {
                var sum = group.Sum(f => f.Seconds);
                foreach (var f in group)
                {
                    s.AppendLine(c, $"| {f.Backend} | {MailMix.Describe(f.Class)} | {f.Mails} | {Stats.F(f.MegaBytes)} | {Stats.F(f.Seconds, 1)} | {Stats.F(100 * f.Seconds / sum, 0)} % | {Stats.F(f.P50Milliseconds)} | {Stats.F(f.P95Milliseconds)} | {Stats.F(f.MaxMilliseconds, 0)} | {Stats.F(f.MailsPerSecond, 1)} | {Stats.F(f.MegaBytesPerSecond, 2)} |");
                }
            }
        }

        var paced = outcomes.Select(o => o.Paced).OfType<PacedFigure>().ToList();
        s.AppendLine();
        if (paced.Count == 0)
        {
            s.AppendLine("Paced SMTP stream: not run (--no-paced).");
        }
        else
        {
            s.AppendLine(c, $"Paced: mails of the same mix (seed {settings.Seed + 1}) sent over SMTP (a new session every 50 mails), at a steady rate of at most {Stats.F(PacedStream.Load * 100, 0)} % of the drain rate, while the hub");
            s.AppendLine("waits in IMAP IDLE; latency from SMTP's 250 after DATA until GET /api/v1/registrator/inbox (polled every 20 ms) lists the mail.");
            s.AppendLine("→ intake = SMTP accept → the hub took the mail in (delivery to Dovecot, IDLE wake-up, FETCH, store); intake → inbox = the pipeline. Unreadable mails give no sample.");
            s.AppendLine("| backend | mails | mails/s | send s | samples | p50 ms | p95 ms | max ms | → intake p50 | → intake p95 | intake → inbox p50 | intake → inbox p95 | hub CPU (cores) | exactly once |");
            s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
            foreach (var f in paced)
            {
                s.AppendLine(c, $"| {f.Backend} | {f.Mails} | {Stats.F(f.Rate, 2)} | {Stats.F(f.SendSeconds, 1)} | {f.Samples} | {Stats.F(f.P50Milliseconds, 0)} | {Stats.F(f.P95Milliseconds, 0)} | {Stats.F(f.MaxMilliseconds, 0)} | {Stats.F(f.ToIntakeP50Milliseconds, 0)} | {Stats.F(f.ToIntakeP95Milliseconds, 0)} | {Stats.F(f.IntakeToInboxP50Milliseconds, 0)} | {Stats.F(f.IntakeToInboxP95Milliseconds, 0)} | {Stats.F(f.HubCores, 2)} | {(f.Check.ExactlyOnce ? "yes" : "NO")} |");
            }
        }

        s.AppendLine();
        foreach (var o in outcomes)
        {
            s.AppendLine(o.Notes);
            if (o.Paced is { } p)
            {
                s.AppendLine(c, $"{o.Drain.Backend}: after the paced stream: {p.Check.Describe()}");
            }
        }

        return s.ToString();
    }
}
