using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>Normalises media types and maps them to and from file extensions.</summary>
internal static partial class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, string> ExtensionByType = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = ".pdf",
        ["application/msword"] = ".doc",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.ms-excel"] = ".xls",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.ms-powerpoint"] = ".ppt",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ".pptx",
        ["application/vnd.oasis.opendocument.text"] = ".odt",
        ["application/vnd.oasis.opendocument.spreadsheet"] = ".ods",
        ["application/vnd.oasis.opendocument.presentation"] = ".odp",
        ["application/rtf"] = ".rtf",
        ["application/zip"] = ".zip",
        ["application/x-zip-compressed"] = ".zip",
        ["application/xml"] = ".xml",
        ["application/json"] = ".json",
        ["application/pkcs7-signature"] = ".p7s",
        ["application/x-pkcs7-signature"] = ".p7s",
        ["application/pkcs7-mime"] = ".p7m",
        ["application/x-pkcs7-mime"] = ".p7m",
        ["application/pgp-signature"] = ".asc",
        ["application/pgp-encrypted"] = ".asc",
        ["application/ms-tnef"] = ".dat",
        ["application/vnd.ms-outlook"] = ".msg",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/jpg"] = ".jpg",
        ["image/pjpeg"] = ".jpg",
        ["image/gif"] = ".gif",
        ["image/tiff"] = ".tif",
        ["image/bmp"] = ".bmp",
        ["image/webp"] = ".webp",
        ["image/heic"] = ".heic",
        ["image/svg+xml"] = ".svg",
        ["text/plain"] = ".txt",
        ["text/html"] = ".html",
        ["text/csv"] = ".csv",
        ["text/xml"] = ".xml",
        ["text/calendar"] = ".ics",
        ["text/vcard"] = ".vcf",
        ["text/x-vcard"] = ".vcf",
        ["text/rtf"] = ".rtf",
        ["text/rfc822-headers"] = ".txt",
        ["message/rfc822"] = ".eml",
        ["message/global"] = ".eml",
        ["message/delivery-status"] = ".txt",
        ["message/global-delivery-status"] = ".txt",
        ["message/disposition-notification"] = ".txt",
        ["audio/mpeg"] = ".mp3",
        ["audio/wav"] = ".wav",
        ["video/mp4"] = ".mp4",
        ["video/quicktime"] = ".mov",
    };

    // Only unambiguous extensions; used when a sender labels a known file type application/octet-stream.
    private static readonly Dictionary<string, string> TypeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".rtf"] = "application/rtf",
        [".zip"] = "application/zip",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".heic"] = "image/heic",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".eml"] = "message/rfc822",
        [".p7s"] = "application/pkcs7-signature",
        [".p7m"] = "application/pkcs7-mime",
    };

    /// <summary>
    /// Lower-case <c>type/subtype</c> that matches <c>^[a-z]+/[a-zA-Z0-9.+-]+$</c>, or
    /// <c>application/octet-stream</c> when <paramref name="mediaType"/> is missing or malformed.
    /// </summary>
    public static string Normalize(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            return OctetStream;
        }

        var value = mediaType;
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        value = value.Trim().ToLowerInvariant();
        return MediaTypePattern().IsMatch(value) ? value : OctetStream;
    }

    /// <summary>
    /// The media type to report for a part: the declared one, except that a generic
    /// <c>application/octet-stream</c> is refined from a well-known file extension.
    /// </summary>
    public static string ForPart(string? declared, string? fileName)
    {
        var normalized = Normalize(declared);
        if (string.Equals(normalized, OctetStream, StringComparison.Ordinal) && fileName is not null)
        {
            var extension = Path.GetExtension(fileName);
            if (extension.Length > 0 && TypeByExtension.TryGetValue(extension, out var inferred))
            {
                return inferred;
            }
        }

        return normalized;
    }

    /// <summary>The usual extension (with the dot) for a media type, <c>.bin</c> when unknown.</summary>
    public static string ExtensionFor(string mediaType) =>
        ExtensionByType.TryGetValue(mediaType, out var extension) ? extension : ".bin";

    public static bool IsSignature(string mediaType) =>
        mediaType is "application/pkcs7-signature" or "application/x-pkcs7-signature" or "application/pgp-signature";

    [GeneratedRegex("^[a-z]+/[a-zA-Z0-9.+-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MediaTypePattern();
}
