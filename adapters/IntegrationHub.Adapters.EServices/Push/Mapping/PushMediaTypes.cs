using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Media types as the schema accepts them ("type/subtype", no parameters), guessed from the file name when not given.</summary>
internal static partial class PushMediaTypes
{
    public const string Binary = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png",
        [".gif"] = "image/gif", [".heic"] = "image/heic", [".tif"] = "image/tiff", [".tiff"] = "image/tiff",
        [".txt"] = "text/plain", [".csv"] = "text/csv", [".xml"] = "application/xml", [".json"] = "application/json",
        [".doc"] = "application/msword", [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel", [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text", [".dwg"] = "image/vnd.dwg",
    };

    public static string For(string? given, string fileName)
    {
        var bare = given?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(bare))
        {
            var slash = bare.IndexOf('/', StringComparison.Ordinal);
            var normalized = slash < 0 ? bare : bare[..slash].ToLowerInvariant() + bare[slash..];
            if (Valid().IsMatch(normalized))
            {
                return normalized;
            }
        }

        return ByExtension.GetValueOrDefault(Path.GetExtension(fileName), Binary);
    }

    [GeneratedRegex("^[a-z]+/[a-zA-Z0-9.+-]+$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Valid();
}
