namespace IntegrationHub.Canonical.Model;

/// <summary>A registration number as given by the diary, plus its parsed parts when parseable.</summary>
public sealed record Diarienummer(string Value, string? Series = null, int? Year = null, int? RunningNumber = null);
