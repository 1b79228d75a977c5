using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>
/// Parties from the poster/owner and from questions mapped to <c>parties.{role}</c>. A citizen identifier becomes a
/// personnummer or samordningsnummer identity only when it is valid (the platform masks it as "************" for some
/// readers); an e-mail or phone that the schema would refuse is left out rather than failing the submission.
/// </summary>
internal static class PartyBuilder
{
    public static Party? FromUser(FlowInstanceUser user, PartyRole role, DateOnly referenceDate)
    {
        var party = new Party
        {
            Role = role,
            Identity = Identity(user.CitizenIdentifier, null, referenceDate),
            Name = TextLimits.Cut(user.Name, 300),
            Email = TextLimits.IsEmail(user.Email) ? user.Email : null,
            Phone = TextLimits.IsPhone(user.Phone) ? user.Phone : null,
        };
        return party.Identity is null && party.Name is null && party.Email is null ? null : party;
    }

    public static Party? FromQuery(FlowInstanceQuery query, PartyRole role, DateOnly referenceDate)
    {
        var name = string.Join(' ', new[] { query.Child("firstname"), query.Child("lastname") }.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (name.Length == 0)
        {
            name = query.Child("name") ?? query.Child("organization") ?? (query.Values.Count > 0 ? query.Text : null) ?? string.Empty;
        }

        var email = query.Child("email");
        var phone = query.Child("mobilePhone") ?? query.Child("phone");
        var party = new Party
        {
            Role = role,
            Identity = Identity(query.Child("citizenIdentifier") ?? query.Child("socialSecurityNumber"), query.Child("organizationNumber"), referenceDate),
            Name = TextLimits.Cut(name, 300),
            Email = TextLimits.IsEmail(email) ? email : null,
            Phone = TextLimits.IsPhone(phone) ? phone : null,
        };
        return party.Identity is null && party.Name is null && party.Email is null ? null : party;
    }

    public static Correspondent? Sender(Party? applicant) =>
        applicant is null || (applicant.Name is null && applicant.Email is null)
            ? null
            : new Correspondent { Name = applicant.Name, Email = applicant.Email, Identity = applicant.Identity };

    private static PartyIdentity? Identity(string? citizenIdentifier, string? organisationNumber, DateOnly referenceDate)
    {
        if (SwedishIdentityNumbers.TryNormalizePersonalIdentityNumber(citizenIdentifier, referenceDate, out var canonical, out var kind))
        {
            return new PartyIdentity(kind == IdentityNumberKind.Samordningsnummer ? IdentityType.Samordningsnummer : IdentityType.Personnummer, canonical);
        }

        var digits = organisationNumber?.Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        return SwedishIdentityNumbers.IsValidOrganisationsnummer(digits) ? new PartyIdentity(IdentityType.Organisationsnummer, digits!) : null;
    }
}
