using System.Diagnostics.CodeAnalysis;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>
/// The outcome of one push: either the canonical events to submit to the hub's intake (their files are already in the
/// content store) or a typed refusal (nothing was stored).
/// </summary>
public sealed class PushSubmissionResult
{
    private PushSubmissionResult(IReadOnlyList<CaseEvent> events, PushSubmissionFailure? failure)
    {
        Events = events;
        Failure = failure;
    }

    /// <summary>The events: <c>opened</c> then <c>document-registered</c>; empty when refused.</summary>
    public IReadOnlyList<CaseEvent> Events { get; }

    /// <summary>Why the push was refused, or null when it was accepted.</summary>
    public PushSubmissionFailure? Failure { get; }

    /// <summary>True when <see cref="Events"/> are ready to submit.</summary>
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    internal static PushSubmissionResult Accepted(IReadOnlyList<CaseEvent> events) => new(events, null);

    internal static PushSubmissionResult Refused(PushSubmissionFailure failure) => new([], failure);
}
