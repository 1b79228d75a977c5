using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Cases;

/// <summary>Whether handling waits for another party now, each period it waited, and for how long in all.</summary>
public sealed record PauseState(bool IsPaused, DateTimeOffset? Since, PauseReason? Reason, string? WaitingFor, TimeSpan TotalPaused, IReadOnlyList<PauseInterval> Intervals);
