namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>The case's id in another system (e.g. edp-future 4711), so Platina staff see where it came from.</summary>
internal sealed record PlatinaSourceId(string System, string CaseId);
