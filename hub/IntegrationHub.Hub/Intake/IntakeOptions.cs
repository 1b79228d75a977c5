using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Intake;

/// <summary>Limits of <c>POST /api/v1/events</c> (configuration section <c>Hub:Intake</c>).</summary>
public sealed class IntakeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Intake";

    /// <summary>Largest request body accepted, in bytes (default 1 MiB).</summary>
    [Range(1024, 104_857_600, ErrorMessage = "Hub:Intake:MaxRequestBytes must be between 1024 and 104857600 bytes.")]
    public int MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Most events in one batch (default 500).</summary>
    [Range(1, 10_000, ErrorMessage = "Hub:Intake:MaxBatchSize must be between 1 and 10000 events.")]
    public int MaxBatchSize { get; set; } = 500;
}
