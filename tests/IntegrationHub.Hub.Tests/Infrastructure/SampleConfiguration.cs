using System.Text.Json;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Loads a section of a shipped sample configuration (samples/config/*.json) into a hub's settings.</summary>
public static class SampleConfiguration
{
    /// <summary>Copies <c>Adapters:{kind}:{instance}</c> of the sample file into <paramref name="settings"/> as flat keys.</summary>
    public static void Load(IDictionary<string, string?> settings, string file, string kind, string instance)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf($"samples/config/{file}")));
        Flatten(settings, $"Adapters:{kind}:{instance}", config.RootElement.GetProperty("Adapters").GetProperty(kind).GetProperty(instance));
    }

    private static void Flatten(IDictionary<string, string?> settings, string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(settings, $"{prefix}:{property.Name}", property.Value);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(settings, $"{prefix}:{i++}", item);
                }

                break;
            default:
                settings[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
