using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>Why handling is paused.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PauseReason>))]
public enum PauseReason
{
    /// <summary>Waiting for the applicant (e.g. komplettering).</summary>
    [JsonStringEnumMemberName("awaiting-applicant")] AwaitingApplicant,
    /// <summary>Waiting for another party (e.g. a remissinstans).</summary>
    [JsonStringEnumMemberName("awaiting-other-party")] AwaitingOtherParty,
    /// <summary>Waiting for a decision body (nämnd) to meet.</summary>
    [JsonStringEnumMemberName("awaiting-decision-body")] AwaitingDecisionBody,
    /// <summary>Other reason.</summary>
    [JsonStringEnumMemberName("other")] Other,
}
