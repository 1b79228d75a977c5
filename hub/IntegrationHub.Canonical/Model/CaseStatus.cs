using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>Case status as FGS Ärendehantering's <c>StatusArande</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>Öppet.</summary>
    [JsonStringEnumMemberName("Öppet")] Open,
    /// <summary>Vilande (dormant).</summary>
    [JsonStringEnumMemberName("Vilande")] Dormant,
    /// <summary>Stängt (closed).</summary>
    [JsonStringEnumMemberName("Stängt")] Closed,
    /// <summary>Makulerat (annulled).</summary>
    [JsonStringEnumMemberName("Makulerat")] Annulled,
    /// <summary>Ad Acta (filed without action).</summary>
    [JsonStringEnumMemberName("Ad Acta")] AdActa,
}
