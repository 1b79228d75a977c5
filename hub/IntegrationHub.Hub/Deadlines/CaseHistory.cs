using IntegrationHub.Store;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>A case's own events, plus the answers that came back on its collaboration ids from other cases.</summary>
/// <param name="CaseId">The hub case.</param>
/// <param name="Municipality">Kommunkod.</param>
/// <param name="Events">Its own events, in sequence order.</param>
/// <param name="Answers">Events of other cases sharing one of its collaboration ids.</param>
public sealed record CaseHistory(Guid CaseId, string Municipality, IReadOnlyList<StoredEvent> Events, IReadOnlyList<StoredEvent> Answers);
