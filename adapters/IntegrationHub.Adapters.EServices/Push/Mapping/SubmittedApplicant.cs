using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Who applied, as read from the payload (personal data: never logged).</summary>
internal sealed record SubmittedApplicant(PartyIdentity? Person, PartyIdentity? Organisation, string? Name, string? OrganisationName, string? Email, string? Phone)
{
    public bool IsEmpty => Person is null && Organisation is null && Name is null && OrganisationName is null && Email is null && Phone is null;

    public override string ToString() => "SubmittedApplicant { *** }";
}
