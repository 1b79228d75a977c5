namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>
/// "This event means the case goes to the committee": the event's source system, case type, source status and event
/// type must each be in the rule's list (an empty list matches anything).
/// </summary>
public sealed class PlatinaOutboundRule
{
    /// <summary>A name shown in results and logs, e.g. "va-till-namnd".</summary>
    public string? Name { get; set; }

    /// <summary>Source systems whose events may trigger the rule, e.g. edp-future.</summary>
    public List<string> SourceSystems { get; set; } = [];

    /// <summary>Hub case types, e.g. va-anslutning (empty: any).</summary>
    public List<string> CaseTypes { get; set; } = [];

    /// <summary>Source statuses meaning "goes to the committee", e.g. "Till nämnd" (compared with data.case.sourceStatus, case-insensitive).</summary>
    public List<string> SourceStatuses { get; set; } = [];

    /// <summary>Canonical event types (empty: any), e.g. se.sambruk.case.status-changed.</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>The Platina case type to create, overriding the reverse of Mapping:CaseTypes.</summary>
    public string? PlatinaCaseType { get; set; }

    /// <summary>The Platina unit (enhet) id the case is registered on, e.g. "bmf-kansli".</summary>
    public string? Unit { get; set; }
}
