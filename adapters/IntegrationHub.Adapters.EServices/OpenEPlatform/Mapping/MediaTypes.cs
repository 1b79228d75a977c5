namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>The media type of an uploaded file, from its extension (the export carries none).</summary>
internal static class MediaTypes
{
    public static string FromName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".tif" or ".tiff" => "image/tiff",
        ".txt" => "text/plain",
        ".doc" => "application/msword",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls" => "application/vnd.ms-excel",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".odt" => "application/vnd.oasis.opendocument.text",
        ".dwg" => "image/vnd.dwg",
        _ => "application/octet-stream",
    };
}
