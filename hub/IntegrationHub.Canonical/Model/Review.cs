namespace IntegrationHub.Canonical.Model;

/// <summary>
/// A request for the registrator's review (granskning) of a registration a source made on its own, e.g. mail to a
/// function mailbox. The hub lists it in the registrator's inbox.
/// </summary>
public sealed record Review
{
    /// <summary>Why it needs a look; at least one.</summary>
    public required IReadOnlyList<ReviewReason> Reasons { get; init; }
    /// <summary>Where it arrived, e.g. the function mailbox's address.</summary>
    public string? ReceivedVia { get; init; }
    /// <summary>How the source chose unit and case type, in words.</summary>
    public string? Routing { get; init; }
    /// <summary>Anything else the registrator should know; never personal data.</summary>
    public string? Note { get; init; }

    /// <summary>The reasons only.</summary>
    public override string ToString() => $"Review {{ Reasons = [{string.Join(", ", Reasons)}] }}";
}
