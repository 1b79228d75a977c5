namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>A Platina unit (enhet).</summary>
internal sealed record PlatinaUnit(string Id, string? Name);
