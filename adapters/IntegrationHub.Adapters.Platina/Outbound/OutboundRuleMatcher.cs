using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>Decides which hub events mean "this case goes to the committee" (every non-empty list of a rule must match).</summary>
internal sealed class OutboundRuleMatcher(IReadOnlyList<PlatinaOutboundRule> rules)
{
    /// <summary>The first rule the event matches, or null.</summary>
    public PlatinaOutboundRule? Match(CaseEvent caseEvent)
    {
        var caseRef = caseEvent.Data.Case;
        return rules.FirstOrDefault(rule => CaseMatches(rule, caseRef)
            && AnyOrContains(rule.SourceStatuses, caseRef.SourceStatus?.Trim())
            && AnyOrContains(rule.EventTypes, caseEvent.Type));
    }

    /// <summary>Whether some rule covers the event's system and case type, so its case may be in Platina already.</summary>
    public bool CouldHaveBeenSent(CaseEvent caseEvent) => rules.Any(rule => CaseMatches(rule, caseEvent.Data.Case));

    /// <summary>The event types the sink must receive: the rules' types plus document registrations (empty: all).</summary>
    public IReadOnlyList<string> EventTypes()
    {
        if (rules.Count == 0 || rules.Any(r => r.EventTypes.Count == 0))
        {
            return [];
        }

        return [.. rules.SelectMany(r => r.EventTypes).Append(CaseEventTypes.DocumentRegistered).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static bool CaseMatches(PlatinaOutboundRule rule, CaseRef caseRef) =>
        AnyOrContains(rule.SourceSystems, caseRef.SourceSystem) && AnyOrContains(rule.CaseTypes, caseRef.CaseType);

    private static bool AnyOrContains(List<string> allowed, string? value) =>
        allowed.Count == 0 || (value is not null && allowed.Exists(a => string.Equals(a.Trim(), value, StringComparison.OrdinalIgnoreCase)));
}
