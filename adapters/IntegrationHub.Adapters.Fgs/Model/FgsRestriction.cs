using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>Restriktion</c>: a limitation on access (sekretess, integritet or another kind).</summary>
/// <param name="Type">@Typ: Sekretess, Integritet or Annan typ.</param>
/// <param name="OtherType">@AnnanTyp, the own kind when Typ is Annan typ.</param>
/// <param name="Explanation">ForklarandeText.</param>
/// <param name="LegalReference">Lagrum, e.g. "OSL 25 kap. 1 §".</param>
/// <param name="Until">RestriktionsDatum: when the restriction stops applying.</param>
public sealed record FgsRestriction(RestrictionType Type, string? OtherType, string? Explanation, string? LegalReference, FgsDate? Until);
