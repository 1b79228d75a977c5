namespace IntegrationHub.Adapters.Abstractions;

/// <summary>One stored (or already stored) event.</summary>
/// <param name="Source">CloudEvents source.</param>
/// <param name="Id">CloudEvents id.</param>
/// <param name="Sequence">Its position in the hub's event log.</param>
/// <param name="Duplicate">True when it had been stored before and nothing new was written.</param>
public sealed record AcceptedEvent(string Source, string Id, long Sequence, bool Duplicate);
