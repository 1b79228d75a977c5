namespace IntegrationHub.Store;

/// <summary>The outcome of appending one event.</summary>
/// <param name="Sequence">The event's sequence: new, or the one stored earlier for a duplicate.</param>
/// <param name="IsDuplicate">True when an event with the same source and id was already stored; nothing new was written.</param>
public sealed record AppendResult(long Sequence, bool IsDuplicate);
