using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// The hub's front door for canonical case events, for adapters running in the hub's process.
/// An adapter acknowledges its source (moves the mail, advances its checkpoint) only after
/// <see cref="SubmitAsync"/> returned: then every event is durably stored.
/// </summary>
public interface ICaseEventIntake
{
    /// <summary>
    /// Validates and durably stores the events, all or none. Events already stored (same source
    /// and id) are reported as duplicates and not stored again, so a retry after a crash is safe.
    /// </summary>
    /// <exception cref="CaseEventsRejectedException">One or more events are invalid; nothing was stored.</exception>
    Task<IntakeReceipt> SubmitAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken);
}
