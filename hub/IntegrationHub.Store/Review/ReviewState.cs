using System.Text.Json.Serialization;

namespace IntegrationHub.Store.Review;

/// <summary>Where an inbox item stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewState>))]
public enum ReviewState
{
    /// <summary>Waiting for the registrator.</summary>
    [JsonStringEnumMemberName("pending")] Pending,
    /// <summary>The registrator confirmed the registration.</summary>
    [JsonStringEnumMemberName("confirmed")] Confirmed,
    /// <summary>Annulled as trivial (ringa betydelse) or wrong.</summary>
    [JsonStringEnumMemberName("annulled")] Annulled,
    /// <summary>Registered on an existing case instead.</summary>
    [JsonStringEnumMemberName("linked")] Linked,
}
