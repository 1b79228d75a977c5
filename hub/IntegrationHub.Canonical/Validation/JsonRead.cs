using System.Text.Json;

namespace IntegrationHub.Canonical.Validation;

/// <summary>Defensive reads for semantic rules, which must not fail on structurally broken input.</summary>
internal static class JsonRead
{
    public static bool TryObject(JsonElement parent, string name, out JsonElement value) =>
        TryGet(parent, name, JsonValueKind.Object, out value);

    public static bool TryString(JsonElement parent, string name, out string value)
    {
        value = string.Empty;
        if (!TryGet(parent, name, JsonValueKind.String, out var element))
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    public static bool TryInteger(JsonElement parent, string name, out long value)
    {
        value = 0;
        return TryGet(parent, name, JsonValueKind.Number, out var element) && element.TryGetInt64(out value);
    }

    public static bool Has(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out _);

    private static bool TryGet(JsonElement parent, string name, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(name, out value)
            && value.ValueKind == kind;
    }
}
