using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store;

/// <summary>A case event as the hub stored it.</summary>
/// <param name="Sequence">Global, gap-tolerant, strictly increasing position in the event log.</param>
/// <param name="ReceivedAt">When the hub durably accepted it.</param>
/// <param name="CaseId">The hub case it was correlated to, once the pipeline has processed it.</param>
/// <param name="Event">The canonical event as received.</param>
/// <param name="Registration">The diary numbers the hub assigned for this event, once registered.</param>
public sealed record StoredEvent(long Sequence, DateTimeOffset ReceivedAt, Guid? CaseId, CaseEvent Event, EventRegistration? Registration = null);
