using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>FGS <c>Restriktion/@Typ</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RestrictionType>))]
public enum RestrictionType
{
    /// <summary>Sekretess (secrecy under OSL).</summary>
    [JsonStringEnumMemberName("Sekretess")] Sekretess,
    /// <summary>Integritet (personal-integrity restriction).</summary>
    [JsonStringEnumMemberName("Integritet")] Integritet,
    /// <summary>Annan typ (other restriction).</summary>
    [JsonStringEnumMemberName("Annan typ")] Other,
}
