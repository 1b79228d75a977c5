namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>The committee flow (nämndflödet): which hub cases are handed to Platina.</summary>
public sealed class PlatinaOutboundOptions
{
    /// <summary>The rules; an event matching any of them sends its case to Platina. No rules: no outbound side.</summary>
    public List<PlatinaOutboundRule> Rules { get; set; } = [];
}
