using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>How a party is identified.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IdentityType>))]
public enum IdentityType
{
    /// <summary>Swedish personal identity number, 12 digits.</summary>
    [JsonStringEnumMemberName("personnummer")] Personnummer,
    /// <summary>Co-ordination number (day + 60), 12 digits.</summary>
    [JsonStringEnumMemberName("samordningsnummer")] Samordningsnummer,
    /// <summary>Organisation number, 10 digits.</summary>
    [JsonStringEnumMemberName("organisationsnummer")] Organisationsnummer,
    /// <summary>An opaque party id from another register.</summary>
    [JsonStringEnumMemberName("partyId")] PartyId,
}
