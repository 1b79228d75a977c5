namespace IntegrationHub.Canonical.Model;

/// <summary>Why and for whom handling is paused.</summary>
public sealed record Pause
{
    /// <summary>Reason.</summary>
    public required PauseReason Reason { get; init; }
    /// <summary>Who the case waits for.</summary>
    public string? WaitingFor { get; init; }
    /// <summary>Expected resume date.</summary>
    public DateOnly? ExpectedResumeBy { get; init; }
}
