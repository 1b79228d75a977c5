using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Contract;
using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>The body of <c>POST /cases</c> for a hub case: nothing the hub knows is retyped by hand.</summary>
internal sealed class NewCaseBuilder(PlatinaMappingOptions mapping)
{
    /// <summary>The new case, or null when no Platina case type can be chosen.</summary>
    public NewPlatinaCase? Build(CaseSnapshot snapshot, CaseEvent trigger, PlatinaOutboundRule rule)
    {
        var caseRef = trigger.Data.Case;
        var hubType = snapshot.CaseType ?? caseRef.CaseType;
        var platinaType = rule.PlatinaCaseType ?? PlatinaCaseType(hubType) ?? hubType;
        if (string.IsNullOrWhiteSpace(platinaType))
        {
            return null;
        }

        var restriction = trigger.Data.Restriction is { } r
            ? new NewPlatinaRestriction(Wire(r.Type), r.LegalReference, r.Explanation)
            : null;
        return new NewPlatinaCase(
            snapshot.CaseId.ToString("D"),
            snapshot.Title ?? caseRef.Title ?? $"Ärende {caseRef.CaseNumber ?? caseRef.SourceCaseId}",
            platinaType,
            rule.Unit ?? caseRef.Unit?.Id,
            snapshot.OpenedAt,
            [.. snapshot.Parties.Select(Party)],
            Wire(snapshot.Classification),
            restriction,
            [.. snapshot.SourceIds.Where(s => s.SourceSystem != PlatinaKeys.SourceSystem).Select(s => new PlatinaSourceId(s.SourceSystem, s.SourceCaseId))]);
    }

    /// <summary>The Platina case type whose mapping names this hub case type.</summary>
    private string? PlatinaCaseType(string? hubType) =>
        hubType is null ? null : mapping.CaseTypes.FirstOrDefault(m => string.Equals(m.Value, hubType, StringComparison.OrdinalIgnoreCase)).Key;

    private static NewPlatinaParty Party(Party party) =>
        // Skyddad identitet: the name and contact details must not spread, even to the diarium's own registration.
        party.ProtectedIdentity == true
            ? new NewPlatinaParty(Wire(party.Role), null, null, null, null, null, true)
            : new NewPlatinaParty(Wire(party.Role), party.Name, party.Identity is { } i ? Wire(i.Type) : null, party.Identity?.Value, party.Email, party.Phone, party.ProtectedIdentity);

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.Serialize(value, CaseEventJson.Options).Trim('"');
}
