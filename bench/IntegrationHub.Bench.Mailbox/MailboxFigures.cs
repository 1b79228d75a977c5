namespace IntegrationHub.Bench.Mailbox;

/// <summary>
/// The drain of a full INBOX: N mails APPENDed before the hub started. Times in seconds from the hub process's start;
/// <see cref="DrainSeconds"/> is first registration → last registration.
/// </summary>
internal sealed record DrainFigure(
    string Backend, int Mails, double MegaBytes, double AppendSeconds,
    double HealthySeconds, double ConnectedSeconds, double FirstSeconds, double LastIntakeSeconds, double AllSeconds,
    double HubCores, long? PeakWorkingSetBytes,
    double LagP50Milliseconds, double LagP95Milliseconds, double LagMaxMilliseconds,
    Verification Check)
{
    public double DrainSeconds => AllSeconds - FirstSeconds;

    /// <summary>The steady rate: the N − 1 intervals between the first and the last registration.</summary>
    public double MailsPerSecond => (Mails - 1) / DrainSeconds;

    /// <summary>From the hub's start, as an operator sees it: startup, IMAP login and the pipeline's lag included.</summary>
    public double MailsPerSecondFromStart => Mails / AllSeconds;

    public double MegaBytesPerSecond => MegaBytes / DrainSeconds;
}

/// <summary>What the adapter spent per mail of one size class: the time between a mail's intake and the previous one's.</summary>
internal sealed record ClassFigure(string Backend, MailClass Class, int Mails, double MegaBytes, double Seconds, double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds)
{
    public double MailsPerSecond => Mails / Seconds;

    public double MegaBytesPerSecond => MegaBytes / Seconds;
}

/// <summary>The paced SMTP stream: latency from SMTP's 250 after DATA until the inbox API shows the mail.</summary>
internal sealed record PacedFigure(
    string Backend, int Mails, double Rate, double SendSeconds, int Samples,
    double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds,
    double ToIntakeP50Milliseconds, double ToIntakeP95Milliseconds, double IntakeToInboxP50Milliseconds, double IntakeToInboxP95Milliseconds,
    double HubCores, Verification Check);

/// <summary>
/// Exactly once: as many inbox items and distinct events as mails, nothing left in the INBOX, every mail moved to
/// Registrerat or (unreadable) Granska.
/// </summary>
internal sealed record Verification(int Expected, int InboxItems, int Events, int DistinctEvents, FolderCounts Folders, int ExpectedUnreadable)
{
    public bool ExactlyOnce =>
        InboxItems == Expected && Events == Expected && DistinctEvents == Expected
        && Folders.Inbox == 0 && Folders.Processed + Folders.Review == Expected;

    public string Describe() =>
        $"{InboxItems} inbox items, {DistinctEvents} distinct events of {Events}, INBOX {Folders.Inbox}, "
        + $"{BenchMailbox.ProcessedFolder} {Folders.Processed}, {BenchMailbox.ReviewFolder} {Folders.Review} "
        + $"(expected {Expected}: {Expected - ExpectedUnreadable} + {ExpectedUnreadable} unreadable)";
}
