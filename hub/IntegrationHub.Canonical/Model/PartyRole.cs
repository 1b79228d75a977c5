using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>The role a party has in a case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartyRole>))]
public enum PartyRole
{
    /// <summary>Sökande.</summary>
    [JsonStringEnumMemberName("applicant")] Applicant,
    /// <summary>Medsökande.</summary>
    [JsonStringEnumMemberName("co-applicant")] CoApplicant,
    /// <summary>Ombud.</summary>
    [JsonStringEnumMemberName("representative")] Representative,
    /// <summary>Vårdnadshavare.</summary>
    [JsonStringEnumMemberName("guardian")] Guardian,
    /// <summary>Sakägare.</summary>
    [JsonStringEnumMemberName("stakeholder")] Stakeholder,
    /// <summary>Klagande.</summary>
    [JsonStringEnumMemberName("complainant")] Complainant,
    /// <summary>Fastighetsägare.</summary>
    [JsonStringEnumMemberName("property-owner")] PropertyOwner,
    /// <summary>Kontaktperson.</summary>
    [JsonStringEnumMemberName("contact")] Contact,
    /// <summary>Övrig.</summary>
    [JsonStringEnumMemberName("other")] Other,
}
