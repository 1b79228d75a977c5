using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>The outcome of a decision (beslut).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    /// <summary>Bifall.</summary>
    [JsonStringEnumMemberName("approved")] Approved,
    /// <summary>Delvis bifall.</summary>
    [JsonStringEnumMemberName("partially-approved")] PartiallyApproved,
    /// <summary>Avslag.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,
    /// <summary>Avvisning.</summary>
    [JsonStringEnumMemberName("dismissed")] Dismissed,
    /// <summary>Avskrivning.</summary>
    [JsonStringEnumMemberName("written-off")] WrittenOff,
    /// <summary>Annat.</summary>
    [JsonStringEnumMemberName("other")] Other,
}
