using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Hub.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IntegrationHub.Hub.Apis;

/// <summary>
/// Reads CloudEvents from an HTTP request in the three modes of the CloudEvents HTTP binding:
/// structured (<c>application/cloudevents+json</c>), batch (<c>application/cloudevents-batch+json</c>)
/// and binary (attributes in <c>ce-*</c> headers, the data as a JSON body). Binary events are
/// rebuilt as structured JSON so that one validator reports errors with the same JSON pointers.
/// </summary>
public static class CloudEventRequestReader
{
    private const string HeaderPrefix = "ce-";
    private static readonly string[] Accepted =
        [CaseEventAttributes.StructuredMediaType, CaseEventAttributes.BatchMediaType, "application/json (binary mode, with ce-* headers)"];

    /// <summary>Reads the request; either events or a problem to return.</summary>
    public static async Task<(IReadOnlyList<JsonElement>? Events, bool IsBatch, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, IntakeOptions options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return (null, false, Problems.UnsupportedMediaType(request.ContentType, Accepted));
        }

        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, false, Problems.UnsupportedMediaType(request.ContentType, Accepted));
        }

        var mode = mediaType.ToLowerInvariant() switch
        {
            CaseEventAttributes.StructuredMediaType => Mode.Structured,
            CaseEventAttributes.BatchMediaType => Mode.Batch,
            "application/json" when request.Headers.ContainsKey("ce-specversion") => Mode.Binary,
            _ => Mode.Unsupported,
        };
        if (mode == Mode.Unsupported)
        {
            return (null, false, Problems.UnsupportedMediaType(request.ContentType, Accepted));
        }

        var (body, tooLarge) = await ReadBodyAsync(request, options.MaxRequestBytes, cancellationToken);
        if (tooLarge)
        {
            return (null, false, Problems.TooLarge("request body (bytes)", options.MaxRequestBytes));
        }

        // System.Text.Json checks UTF-8 inside strings only when a string is read, which would fail later and as a 500.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return (null, false, Problems.InvalidParameter("body", "utf8", "The request body is not valid UTF-8; events are JSON in UTF-8."));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, false, Problems.MalformedJson(e.LineNumber, e.BytePositionInLine));
        }

        switch (mode)
        {
            case Mode.Batch when root.ValueKind != JsonValueKind.Array:
                return (null, true, Problems.InvalidParameter("body", "type", "A batch must be a JSON array of CloudEvents."));
            case Mode.Batch when root.GetArrayLength() > options.MaxBatchSize:
                return (null, true, Problems.TooLarge("batch (events)", options.MaxBatchSize));
            case Mode.Batch:
                return ([.. root.EnumerateArray()], true, null);
            case Mode.Binary:
                return ([FromBinary(request.Headers, root)], false, null);
            default:
                return ([root], false, null);
        }
    }

    private static JsonElement FromBinary(IHeaderDictionary headers, JsonElement data)
    {
        var cloudEvent = new JsonObject();
        foreach (var (name, values) in headers)
        {
            if (name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > HeaderPrefix.Length)
            {
                // The HTTP binding percent-encodes attribute values that are not printable ASCII.
                cloudEvent[name[HeaderPrefix.Length..].ToLowerInvariant()] = Uri.UnescapeDataString(values.ToString());
            }
        }

        cloudEvent["datacontenttype"] = "application/json";
        cloudEvent["data"] = JsonNode.Parse(data.GetRawText());
        return JsonSerializer.SerializeToElement(cloudEvent);
    }

    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return ([], true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }

    private enum Mode { Unsupported, Structured, Batch, Binary }
}
