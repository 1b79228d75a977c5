using CloudNative.CloudEvents;

namespace IntegrationHub.Canonical.Serialization;

/// <summary>The CloudEvents extension attributes the Sambruk case event uses.</summary>
public static class CaseEventAttributes
{
    /// <summary>Kommunkod, four digits.</summary>
    public static CloudEventAttribute Municipality { get; } =
        CloudEventAttribute.CreateExtension("municipality", CloudEventAttributeType.String);

    /// <summary>public / internal / confidential / restricted.</summary>
    public static CloudEventAttribute DataClassification { get; } =
        CloudEventAttribute.CreateExtension("dataclassification", CloudEventAttributeType.String);

    /// <summary>Both extensions, for decoding.</summary>
    public static IReadOnlyList<CloudEventAttribute> All { get; } = [Municipality, DataClassification];

    /// <summary>The <c>dataschema</c> of v1.</summary>
    public static Uri SchemaV1 { get; } = new("https://integrationhub.se/schemas/sambruk-case-event/v1/case-event.schema.json");

    /// <summary>The JSON media type of a single structured-mode event.</summary>
    public const string StructuredMediaType = "application/cloudevents+json";

    /// <summary>The JSON media type of a batch.</summary>
    public const string BatchMediaType = "application/cloudevents-batch+json";
}
