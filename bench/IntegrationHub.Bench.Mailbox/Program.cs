using System.Diagnostics;
using IntegrationHub.Bench.Mailbox;

// The function-mailbox adapter end to end: a real IMAP server (the test Dovecot) filled with a mix of mails, the real
// host process watching it, the registrator's inbox API as the finish line. See bench/README.md.
MailboxBenchSettings settings;
try
{
    settings = MailboxBenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(MailboxBenchSettings.Usage);
    return 2;
}

var started = Stopwatch.GetTimestamp();
return await BenchMain.RunAsync(
    "ihub-bench-mailbox-", settings.Keep, "hub logs and data, and the bench mailboxes", async (workDirectory, machine, progress, cancellationToken) =>
    {
        var outcomes = new List<MailboxRun.Outcome>();
        foreach (var backend in settings.Backends)
        {
            outcomes.Add(await MailboxRun.RunAsync(backend, settings, workDirectory, progress, cancellationToken));
        }

        return MailboxReport.Render(settings, machine, outcomes, Stopwatch.GetElapsedTime(started));
    });
