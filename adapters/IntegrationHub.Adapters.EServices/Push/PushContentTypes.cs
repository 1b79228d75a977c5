using System.Net.Http.Headers;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>Whether a request's Content-Type is the instance's format.</summary>
internal static class PushContentTypes
{
    public static bool Accepts(PushFormat format, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return false;
        }

        return format == PushFormat.Xml
            ? mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
              || mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
              || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            // RFC 8259: JSON exchanged between systems is UTF-8; any other charset would be misread.
            : (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
              && (parsed.CharSet is null || parsed.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    public static string Describe(PushFormat format) =>
        format == PushFormat.Xml ? "application/xml (or text/xml, …+xml)" : "application/json (UTF-8, or …+json)";
}
