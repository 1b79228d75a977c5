using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>
/// The event's dataclassification from the FGS Restriktion: Sekretess → restricted, Integritet → confidential, another
/// kind → the configured default. An identity number makes an event at least confidential and a protected identity
/// restricted (schemas/README.md, "Data classification"); never lower than the configured default.
/// </summary>
internal static class Classifier
{
    public static DataClassification Classify(DataClassification floor, IEnumerable<FgsRestriction> restrictions, IEnumerable<Party> parties, IEnumerable<Correspondent> correspondents)
    {
        var level = floor;
        foreach (var restriction in restrictions)
        {
            level = Max(level, restriction.Type switch
            {
                RestrictionType.Sekretess => DataClassification.Restricted,
                RestrictionType.Integritet => DataClassification.Confidential,
                _ => floor,
            });
        }

        var identities = parties.Select(p => p.Identity).Concat(correspondents.Select(c => c.Identity));
        if (identities.Any(i => i?.Type is IdentityType.Personnummer or IdentityType.Samordningsnummer))
        {
            level = Max(level, DataClassification.Confidential);
        }

        return parties.Any(p => p.ProtectedIdentity == true) ? DataClassification.Restricted : level;
    }

    /// <summary>The weightiest restriction (Sekretess before Integritet before another kind) as the canonical marking.</summary>
    public static Restriction? Restriction(IEnumerable<FgsRestriction> restrictions)
    {
        var chosen = restrictions.OrderBy(r => r.Type switch { RestrictionType.Sekretess => 0, RestrictionType.Integritet => 1, _ => 2 }).FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        // FGS RestriktionsDatum is when the restriction ends, which the canonical marking has no field for: keep it in words.
        var until = chosen.Until is { } date ? $"Gäller till {date.Text}." : null;
        var explanation = string.Join(" ", new[] { chosen.Explanation, chosen.OtherType is { } other && chosen.Explanation is null ? other : null, until }.Where(t => t is not null));
        return new Restriction
        {
            Type = chosen.Type,
            LegalReference = Text.ClipOrNull(chosen.LegalReference, 100),
            Explanation = Text.ClipOrNull(explanation, 1000),
        };
    }

    private static DataClassification Max(DataClassification a, DataClassification b) => a >= b ? a : b;
}
