using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>How a case crosses an organisational boundary (ärendesamverkansfall).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CollaborationKind>))]
public enum CollaborationKind
{
    /// <summary>Remiss: the sender keeps responsibility, the receiver answers.</summary>
    [JsonStringEnumMemberName("remiss")] Remiss,
    /// <summary>Uppdragsgivning: the receiver does the work, the sender follows up.</summary>
    [JsonStringEnumMemberName("uppdragsgivning")] Uppdragsgivning,
    /// <summary>Vidarebefordran: responsibility moves to the receiver.</summary>
    [JsonStringEnumMemberName("vidarebefordran")] Vidarebefordran,
}
