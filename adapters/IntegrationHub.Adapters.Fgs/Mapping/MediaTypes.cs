using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>The media type of an attachment: its Mimetyp when that is one, else from the file's extension.</summary>
internal static partial class MediaTypes
{
    public const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".xml"] = "application/xml",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".gif"] = "image/gif",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".eml"] = "message/rfc822",
        [".msg"] = "application/vnd.ms-outlook",
        [".zip"] = "application/zip",
    };

    public static string Of(string? declared, string fileName)
    {
        var candidate = declared?.Split(';')[0].Trim().ToLowerInvariant();
        if (candidate is not null && Valid().IsMatch(candidate))
        {
            return candidate;
        }

        return ByExtension.TryGetValue(Path.GetExtension(fileName), out var byExtension) ? byExtension : Default;
    }

    [GeneratedRegex("^[a-z]+/[a-zA-Z0-9.+-]+$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Valid();
}
