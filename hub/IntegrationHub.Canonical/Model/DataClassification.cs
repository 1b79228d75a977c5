using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>The CloudEvents <c>dataclassification</c> extension; carries secrecy (sekretess) levels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataClassification>))]
public enum DataClassification
{
    /// <summary>Public: may be shown to anyone.</summary>
    [JsonStringEnumMemberName("public")] Public = 0,
    /// <summary>Internal to the municipality.</summary>
    [JsonStringEnumMemberName("internal")] Internal = 1,
    /// <summary>Personal data or details that need a need-to-know.</summary>
    [JsonStringEnumMemberName("confidential")] Confidential = 2,
    /// <summary>Covered by secrecy (OSL); only for those with clearance.</summary>
    [JsonStringEnumMemberName("restricted")] Restricted = 3,
}
