using NJsonSchema;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// The Sambruk case-event JSON Schema (v1), embedded in this assembly from
/// <c>schemas/sambruk-case-event/v1/case-event.schema.json</c>.
/// </summary>
public static class CaseEventSchema
{
    /// <summary>The schema's <c>$id</c>, also the only allowed CloudEvents <c>dataschema</c> value.</summary>
    public const string Id = "https://integrationhub.se/schemas/sambruk-case-event/v1/case-event.schema.json";

    private const string ResourceName = "IntegrationHub.Canonical.Schemas.case-event.schema.json";

    /// <summary>Reads the schema document as JSON text.</summary>
    /// <exception cref="InvalidOperationException">When the assembly was built without the schema resource.</exception>
    public static string ReadJson()
    {
        using var stream = typeof(CaseEventSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses the schema for NJsonSchema. It has only in-document references, so this completes synchronously.</summary>
    internal static JsonSchema Load() => JsonSchema.FromJsonAsync(ReadJson()).GetAwaiter().GetResult();
}
