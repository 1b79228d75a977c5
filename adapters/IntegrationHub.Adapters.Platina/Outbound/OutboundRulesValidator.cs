using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>Checks the committee rules: each needs a name, a source system and a trigger (a source status or event type).</summary>
internal static class OutboundRulesValidator
{
    public static void Check(string at, List<PlatinaOutboundRule> rules, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var ruleAt = $"{at}:{PlatinaOptionsValidator.Index(i)}";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{ruleAt}:Name is required, e.g. \"till-namnd\": results name the rule that sent a case.");
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add($"{ruleAt}:Name '{rule.Name}' is used by another rule; give each rule its own name.");
            }

            if (rule.SourceSystems.Count == 0 || rule.SourceSystems.Exists(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{ruleAt}:SourceSystems must name the systems whose events send a case to Platina, e.g. [\"edp-future\"].");
            }
            else if (rule.SourceSystems.Exists(s => string.Equals(s, PlatinaKeys.SourceSystem, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{ruleAt}:SourceSystems must not contain platina: Platina's own events are never sent back to it.");
            }

            if (rule.SourceStatuses.Count == 0 && rule.EventTypes.Count == 0)
            {
                errors.Add($"{ruleAt} needs a trigger: SourceStatuses (e.g. [\"Till nämnd\"]) and/or EventTypes (e.g. [\"se.sambruk.case.status-changed\"]); otherwise every event would send its case.");
            }

            foreach (var type in rule.EventTypes.Where(t => !CaseEventTypes.All.Contains(t)))
            {
                errors.Add($"{ruleAt}:EventTypes has '{type}', which is not a case-event type; use e.g. se.sambruk.case.status-changed.");
            }

            foreach (var caseType in rule.CaseTypes.Where(t => !PlatinaOptionsValidator.CaseTypeKey().IsMatch(t)))
            {
                errors.Add($"{ruleAt}:CaseTypes has '{caseType}', which is not a hub case type key (lowercase letters, digits and dashes), e.g. va-anslutning.");
            }

            if (rule.PlatinaCaseType is { } platinaType && string.IsNullOrWhiteSpace(platinaType))
            {
                errors.Add($"{ruleAt}:PlatinaCaseType must be Platina's name of the case type, or left out to use Mapping:CaseTypes.");
            }

            if (rule.Unit is { } unit && string.IsNullOrWhiteSpace(unit))
            {
                errors.Add($"{ruleAt}:Unit must be a Platina unit id, or left out to use the case's unit.");
            }
        }
    }
}
