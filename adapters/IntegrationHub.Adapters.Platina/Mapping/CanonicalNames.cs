using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>Reads a canonical enum value written either as the schema names it ("Stängt", "partially-approved") or as the enum member ("Closed").</summary>
internal static class CanonicalNames
{
    /// <summary>The event types a Platina event may map to: those whose data Platina's events can fill.</summary>
    public static IReadOnlySet<string> MappableEventTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CaseEventTypes.Opened, CaseEventTypes.StatusChanged, CaseEventTypes.DocumentRegistered, CaseEventTypes.Decided,
        CaseEventTypes.Closed, CaseEventTypes.Reopened, CaseEventTypes.Resumed,
    };

    public static bool TryParse<TEnum>(string? value, out TEnum result) where TEnum : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result) && !char.IsAsciiDigit(value[0]))
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

    /// <summary>A document direction: the contract's inkommen / upprattad / expedierad, the schema's spelling, or the enum name.</summary>
    public static DocumentDirection? Direction(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            "upprattad" or "upprättad" => DocumentDirection.DrawnUp,
            _ when TryParse<DocumentDirection>(value, out var parsed) => parsed,
            _ => null,
        };

    /// <summary>The wire spelling of a direction in the Platina contract (ASCII).</summary>
    public static string ContractDirection(DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => "inkommen",
        DocumentDirection.Sent => "expedierad",
        _ => "upprattad",
    };
}
