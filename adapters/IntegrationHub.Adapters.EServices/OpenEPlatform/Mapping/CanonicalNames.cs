using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>Reads a canonical enum value written as the schema names it ("property-owner", "confidential") or as the enum member.</summary>
internal static class CanonicalNames
{
    public static bool TryParse<TEnum>(string? value, out TEnum result) where TEnum : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value) || char.IsAsciiDigit(value.Trim()[0]))
        {
            return false;
        }

        if (Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonSerializer.Serialize(candidate, CaseEventJson.Options).Trim('"'), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        return false;
    }

    public static DataClassification Classification(string? value, DataClassification fallback) =>
        TryParse<DataClassification>(value, out var parsed) ? parsed : fallback;
}
