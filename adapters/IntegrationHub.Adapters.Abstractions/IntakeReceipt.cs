namespace IntegrationHub.Adapters.Abstractions;

/// <summary>What the hub stored, one entry per submitted event in submission order.</summary>
public sealed record IntakeReceipt(IReadOnlyList<AcceptedEvent> Events);
