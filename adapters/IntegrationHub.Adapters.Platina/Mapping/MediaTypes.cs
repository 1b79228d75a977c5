using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>Media types as the schema accepts them ("type/subtype", no parameters).</summary>
internal static partial class MediaTypes
{
    public const string Binary = "application/octet-stream";

    public static string Normalize(string? mediaType)
    {
        var bare = mediaType?.Split(';')[0].Trim();
        if (bare is null)
        {
            return Binary;
        }

        var slash = bare.IndexOf('/', StringComparison.Ordinal);
        var normalized = slash < 0 ? bare : bare[..slash].ToLowerInvariant() + bare[slash..];
        return Valid().IsMatch(normalized) ? normalized : Binary;
    }

    [GeneratedRegex("^[a-z]+/[a-zA-Z0-9.+-]+$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Valid();
}
