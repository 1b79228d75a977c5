namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The body of <c>GET /cases</c>.</summary>
internal sealed record PlatinaCaseList(IReadOnlyList<PlatinaCase>? Cases);
