using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Canonical.Serialization;

/// <summary>
/// Converts between <see cref="CaseEvent"/> and CloudEvents (the SDK's <see cref="CloudEvent"/>,
/// structured JSON and batch JSON). Input is expected to have passed the schema validator first.
/// </summary>
public static class CaseEventFormatter
{
    private static readonly JsonEventFormatter Json = new(CaseEventJson.Options, default);

    /// <summary>Builds the SDK's CloudEvent for a case event.</summary>
    public static CloudEvent ToCloudEvent(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, CaseEventAttributes.All)
        {
            Id = caseEvent.Id,
            Source = new Uri(caseEvent.Source, UriKind.RelativeOrAbsolute),
            Type = caseEvent.Type,
            Time = caseEvent.Time,
            Subject = caseEvent.Subject,
            DataSchema = caseEvent.DataSchema,
            DataContentType = MediaTypeNames.Application.Json,
            Data = JsonSerializer.SerializeToElement(caseEvent.Data, CaseEventJson.Options),
        };
        cloudEvent[CaseEventAttributes.Municipality] = caseEvent.Municipality;
        cloudEvent[CaseEventAttributes.DataClassification] = ClassificationName(caseEvent.DataClassification);
        return cloudEvent;
    }

    /// <summary>Reads a case event out of the SDK's CloudEvent.</summary>
    public static CaseEvent FromCloudEvent(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var data = cloudEvent.Data switch
        {
            JsonElement element => element.Deserialize<CaseEventData>(CaseEventJson.Options),
            null => null,
            var other => JsonSerializer.SerializeToElement(other, CaseEventJson.Options).Deserialize<CaseEventData>(CaseEventJson.Options),
        } ?? throw new FormatException("The event has no data.");
        return new CaseEvent
        {
            Id = cloudEvent.Id ?? throw new FormatException("The event has no id."),
            Source = cloudEvent.Source?.OriginalString ?? throw new FormatException("The event has no source."),
            Type = cloudEvent.Type ?? throw new FormatException("The event has no type."),
            Time = cloudEvent.Time ?? throw new FormatException("The event has no time."),
            Subject = cloudEvent.Subject,
            DataSchema = cloudEvent.DataSchema,
            Municipality = cloudEvent[CaseEventAttributes.Municipality] as string ?? throw new FormatException("The event has no municipality."),
            DataClassification = ParseClassification(cloudEvent[CaseEventAttributes.DataClassification] as string),
            Data = data,
        };
    }

    /// <summary>Writes one event as structured-mode JSON (<c>application/cloudevents+json</c>).</summary>
    public static byte[] EncodeStructured(CaseEvent caseEvent) =>
        Json.EncodeStructuredModeMessage(ToCloudEvent(caseEvent), out _).ToArray();

    /// <summary>Writes the event's data alone, the body of a binary-mode message (<c>application/json</c>).</summary>
    public static byte[] EncodeBinaryData(CaseEvent caseEvent) =>
        Json.EncodeBinaryModeEventData(ToCloudEvent(caseEvent)).ToArray();

    /// <summary>
    /// The event's populated context attributes (not <c>datacontenttype</c>, which bindings carry as their content type),
    /// each with its value in the CloudEvents string form, as binary-mode bindings put them in headers.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ContextAttributes(CaseEvent caseEvent)
    {
        var cloudEvent = ToCloudEvent(caseEvent);
        return [.. cloudEvent.GetPopulatedAttributes()
            .Where(a => a.Key != CloudEventsSpecVersion.V1_0.DataContentTypeAttribute)
            .Select(a => new KeyValuePair<string, string>(a.Key.Name, a.Key.Format(a.Value)))];
    }

    /// <summary>Reads one structured-mode JSON event.</summary>
    public static CaseEvent DecodeStructured(ReadOnlyMemory<byte> json) =>
        FromCloudEvent(Json.DecodeStructuredModeMessage(json, null, CaseEventAttributes.All));

    /// <summary>Writes a batch (<c>application/cloudevents-batch+json</c>).</summary>
    public static byte[] EncodeBatch(IEnumerable<CaseEvent> caseEvents) =>
        Json.EncodeBatchModeMessage(caseEvents.Select(ToCloudEvent), out _).ToArray();

    /// <summary>Reads a batch.</summary>
    public static IReadOnlyList<CaseEvent> DecodeBatch(ReadOnlyMemory<byte> json) =>
        [.. Json.DecodeBatchModeMessage(json, null, CaseEventAttributes.All).Select(FromCloudEvent)];

    /// <summary>Writes one event as a JSON element (structured mode).</summary>
    public static JsonElement ToJsonElement(CaseEvent caseEvent) =>
        JsonDocument.Parse(EncodeStructured(caseEvent)).RootElement.Clone();

    /// <summary>The wire name of a classification.</summary>
    public static string ClassificationName(DataClassification classification) =>
        JsonSerializer.Serialize(classification, CaseEventJson.Options).Trim('"');

    /// <summary>Parses a wire classification name.</summary>
    public static DataClassification ParseClassification(string? name) =>
        name is null
            ? throw new FormatException("The event has no dataclassification.")
            : JsonSerializer.Deserialize<DataClassification>($"\"{name}\"", CaseEventJson.Options);
}
