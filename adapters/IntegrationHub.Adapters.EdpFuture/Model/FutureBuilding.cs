namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>A building (anläggning) as Future's Building type.</summary>
public sealed record FutureBuilding(string? Id, string? Address, string? City, string? Designation, string? ZipCode);
