using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>Reads values by RFC 6901 JSON pointer ("/case/unit/id", "/files/0/name"; "~1" is "/", "~0" is "~").</summary>
internal static class JsonPointers
{
    /// <summary>The element at the pointer, or false when any step is missing or the value is null.</summary>
    public static bool TryGet(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        if (pointer.Length == 0)
        {
            return root.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(token, out var child))
            {
                value = child;
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>A string (numbers and booleans as their JSON text; empty strings as null).</summary>
    public static string? String(JsonElement root, string pointer) =>
        !TryGet(root, pointer, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };

    /// <summary>An integer written as a number or as digits in a string.</summary>
    public static long? Integer(JsonElement root, string pointer) =>
        !TryGet(root, pointer, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };

    /// <summary>The elements of an array (empty when absent).</summary>
    public static IReadOnlyList<JsonElement> Array(JsonElement root, string pointer) =>
        TryGet(root, pointer, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    /// <summary>Whether the pointer names a valid RFC 6901 pointer.</summary>
    public static bool IsValid(string? pointer) => pointer is not null && (pointer.Length == 0 || pointer[0] == '/');
}
