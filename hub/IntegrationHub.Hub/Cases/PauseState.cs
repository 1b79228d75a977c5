using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Cases;

/// <summary>Whether handling waits for another party now, and for how long it has waited in all.</summary>
public sealed record PauseState(bool IsPaused, DateTimeOffset? Since, PauseReason? Reason, string? WaitingFor, TimeSpan TotalPaused);
