using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;

/// <summary>
/// The source's checkpoint: one <see cref="FamilyPosition"/> per flow family, as JSON with families and ids in order,
/// so the same position always writes the same text.
/// </summary>
internal sealed class SourceCheckpoint
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    [JsonPropertyName("families")]
    public SortedDictionary<string, FamilyPosition> Families { get; init; } = new(StringComparer.Ordinal);

    public static SourceCheckpoint Parse(string? checkpoint, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(checkpoint))
        {
            return new SourceCheckpoint();
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<SourceCheckpoint>(checkpoint, Json);
            return new SourceCheckpoint { Families = new SortedDictionary<string, FamilyPosition>(parsed?.Families ?? [], StringComparer.Ordinal) };
        }
        catch (JsonException e)
        {
            throw new SourceUnavailableException($"The stored checkpoint of {sourceName} is not readable; reset it to read again from StartDate.", e);
        }
    }

    public string Write() => JsonSerializer.Serialize(this, Json);
}
