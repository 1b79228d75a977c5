using System.Net.Mail;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>
/// FGS people to canonical parties and correspondents. Motpart (whom the case mainly concerns) is the applicant, further
/// ones co-applicants; an Agent is a party when its Roll names a party role (Sökande, Ombud, Sakägare …), otherwise it is
/// staff (Handläggare, Registrator, Beslutsfattare) and only gives the case its unit and authority.
/// </summary>
internal static partial class PartyMapper
{
    private static readonly Dictionary<string, PartyRole> PartyRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sökande"] = PartyRole.Applicant,
        ["Medsökande"] = PartyRole.CoApplicant,
        ["Ombud"] = PartyRole.Representative,
        ["Vårdnadshavare"] = PartyRole.Guardian,
        ["Sakägare"] = PartyRole.Stakeholder,
        ["Klagande"] = PartyRole.Complainant,
        ["Fastighetsägare"] = PartyRole.PropertyOwner,
        ["Kontaktperson"] = PartyRole.Contact,
        ["Motpart"] = PartyRole.Other,
        ["Part"] = PartyRole.Other,
        ["Övrig"] = PartyRole.Other,
    };

    /// <summary>The FGS role name of a party role, for the writer.</summary>
    public static string RoleName(PartyRole role) => PartyRoles.First(p => p.Value == role).Key;

    public static bool IsParty(FgsAgent agent) => PartyRoles.ContainsKey(agent.Role);

    public static IReadOnlyList<Party> Parties(FgsCase fgsCase)
    {
        var parties = fgsCase.Counterparts.Select((person, i) => new Party
        {
            Role = i == 0 ? PartyRole.Applicant : PartyRole.CoApplicant,
            Identity = Identity(person.IdNumber),
            Name = Text.Clip(person.Name, 300),
            ProtectedIdentity = person.ProtectedIdentity,
            Email = Email(person.Email),
            Phone = person.Phones.FirstOrDefault(p => Phone().IsMatch(p)),
        }).ToList();
        parties.AddRange(fgsCase.Agents
            .Where(a => IsParty(a) && (a.Name ?? a.Organisation) is not null)
            .Select(a => new Party { Role = PartyRoles[a.Role], Name = Text.Clip((a.Name ?? a.Organisation)!, 300) }));
        return parties.Take(50).ToList();
    }

    public static Correspondent Correspondent(FgsPerson person) => new()
    {
        Name = Text.Clip(person.Name, 300),
        Organisation = Text.ClipOrNull(person.Organisation, 300),
        Email = Email(person.Email),
        Identity = Identity(person.IdNumber),
    };

    /// <summary>The first staff agent's unit (Enhetsnamn) and authority (Organisationsnamn).</summary>
    public static (OrganisationRef? Authority, OrganisationRef? Unit) Organisation(FgsCase fgsCase)
    {
        var staff = fgsCase.Agents.Where(a => !IsParty(a)).ToList();
        return (Ref(staff.Select(a => a.Organisation).FirstOrDefault(n => n is not null)), Ref(staff.Select(a => a.Unit).FirstOrDefault(n => n is not null)));
    }

    /// <summary>
    /// A valid personnummer, samordningsnummer or organisationsnummer (IDnummer Typ 1 or 2); reservnummer and invalid
    /// numbers are left out rather than sent on as if they were real identities.
    /// </summary>
    public static PartyIdentity? Identity(FgsIdNumber? id)
    {
        if (id is null)
        {
            return null;
        }

        var digits = new string([.. id.Value.Where(char.IsAsciiDigit)]);
        return id.Type switch
        {
            1 when SwedishIdentityNumbers.IsValidPersonnummer(digits) => new PartyIdentity(IdentityType.Personnummer, digits),
            1 when SwedishIdentityNumbers.IsValidOrganisationsnummer(digits) => new PartyIdentity(IdentityType.Organisationsnummer, digits),
            1 or 2 when SwedishIdentityNumbers.IsValidSamordningsnummer(digits) => new PartyIdentity(IdentityType.Samordningsnummer, digits),
            _ => null,
        };
    }

    private static OrganisationRef? Ref(string? name) =>
        OrganisationKeys.From(name) is { } key ? new OrganisationRef(key, Text.Clip(name!, 200)) : null;

    private static string? Email(string? value) =>
        value is not null && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal) ? value : null;

    [GeneratedRegex(@"^\+?[0-9 ()-]{5,30}$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Phone();
}
