namespace IntegrationHub.Canonical.Model;

/// <summary>
/// The closed list of Sambruk case-event types (CloudEvents <c>type</c>), all under one reverse-DNS prefix.
/// </summary>
public static class CaseEventTypes
{
    /// <summary>The prefix every case-event type starts with.</summary>
    public const string Prefix = "se.sambruk.case.";

    /// <summary>A case was opened (ärende upprättat / inkommet).</summary>
    public const string Opened = Prefix + "opened";
    /// <summary>The case changed status.</summary>
    public const string StatusChanged = Prefix + "status-changed";
    /// <summary>A document (handling) was registered on the case.</summary>
    public const string DocumentRegistered = Prefix + "document-registered";
    /// <summary>A decision (beslut) was made.</summary>
    public const string Decided = Prefix + "decided";
    /// <summary>The case was sent on remiss (referral for comment).</summary>
    public const string Referred = Prefix + "referred";
    /// <summary>A remissvar (referral answer) came back.</summary>
    public const string ReferralAnswered = Prefix + "referral-answered";
    /// <summary>Work was assigned to another party (uppdragsgivning).</summary>
    public const string Assigned = Prefix + "assigned";
    /// <summary>The assignee reported status on an assignment.</summary>
    public const string AssignmentReported = Prefix + "assignment-reported";
    /// <summary>The case was forwarded (vidarebefordran).</summary>
    public const string Forwarded = Prefix + "forwarded";
    /// <summary>The receiver of a forwarded case signals it done (klarmarkering).</summary>
    public const string Completed = Prefix + "completed";
    /// <summary>Handling is paused, waiting for another party.</summary>
    public const string Paused = Prefix + "paused";
    /// <summary>Handling resumed after a pause.</summary>
    public const string Resumed = Prefix + "resumed";
    /// <summary>The case was closed (avslutat).</summary>
    public const string Closed = Prefix + "closed";
    /// <summary>A closed case was opened again.</summary>
    public const string Reopened = Prefix + "reopened";

    /// <summary>A deadline passed (remiss unanswered, uppdrag unfinished, klarmarkering missing, service promise broken); raised by the hub.</summary>
    public const string DeadlinePassed = Prefix + "deadline-passed";

    /// <summary>Every known type.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Opened, StatusChanged, DocumentRegistered, Decided, Referred, ReferralAnswered, Assigned,
        AssignmentReported, Forwarded, Completed, Paused, Resumed, Closed, Reopened, DeadlinePassed,
    };
}
