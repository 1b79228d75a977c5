namespace IntegrationHub.Store.Diary;

/// <summary>One entry of a registration's history: what it looked like before a correction or annulment, who changed it, when and why.</summary>
public sealed record RegistrationChange(Guid RegistrationId, int Version, DateTimeOffset ChangedAt, string ChangedBy, string Reason, Registration Before);
