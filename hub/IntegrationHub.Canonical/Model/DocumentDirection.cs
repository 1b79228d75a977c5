using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>Whether a document (handling) came in, was drawn up, or was sent out.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentDirection>))]
public enum DocumentDirection
{
    /// <summary>Inkommen handling (received).</summary>
    [JsonStringEnumMemberName("inkommen")] Incoming,
    /// <summary>Upprättad handling (drawn up).</summary>
    [JsonStringEnumMemberName("upprättad")] DrawnUp,
    /// <summary>Expedierad handling (sent).</summary>
    [JsonStringEnumMemberName("expedierad")] Sent,
}
