using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>The schema's spelling of a data classification.</summary>
internal static class Classifications
{
    public static DataClassification? TryParse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "public" => DataClassification.Public,
        "internal" => DataClassification.Internal,
        "confidential" => DataClassification.Confidential,
        "restricted" => DataClassification.Restricted,
        _ => null,
    };
}
