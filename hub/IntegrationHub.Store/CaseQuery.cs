namespace IntegrationHub.Store;

/// <summary>Finds cases within one municipality; at least one criterion besides the municipality is set.</summary>
public sealed record CaseQuery
{
    /// <summary>Kommunkod (required).</summary>
    public required string Municipality { get; init; }
    /// <summary>Ärendenummer.</summary>
    public string? CaseNumber { get; init; }
    /// <summary>Diarienummer value as given.</summary>
    public string? Diarienummer { get; init; }
    /// <summary>Source system key (with <see cref="SourceCaseId"/>).</summary>
    public string? SourceSystem { get; init; }
    /// <summary>Case id in the source system.</summary>
    public string? SourceCaseId { get; init; }
    /// <summary>Maximum number of cases returned.</summary>
    public int Limit { get; init; } = 100;
}
