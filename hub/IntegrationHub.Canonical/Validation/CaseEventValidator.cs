using System.Text.Json;
using NJsonSchema;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Validates a Sambruk case event (a CloudEvents 1.0 JSON object with case-event data) in two passes:
/// structure against the embedded JSON Schema (<see cref="CaseEventSchema"/>), then the semantic rules the
/// schema cannot express (identity number check digits and dates, the data parts each event type requires,
/// collaboration kinds, diarienummer parts, duplicate property names). Semantic rules look only at parts
/// that are readable, so a structural error is not repeated as a semantic one.
/// Thread-safe; use <see cref="Default"/>.
/// </summary>
public sealed class CaseEventValidator
{
    private static readonly Lazy<CaseEventValidator> Instance = new(() => new CaseEventValidator(CaseEventSchema.Load()));

    private readonly JsonSchema schema;
    private readonly StrictJsonSchemaValidator validator = new();

    private CaseEventValidator(JsonSchema schema) => this.schema = schema;

    /// <summary>The validator for the embedded v1 schema, loaded once.</summary>
    public static CaseEventValidator Default => Instance.Value;

    /// <summary>Validates one event. Returns an empty list when the event is valid.</summary>
    /// <param name="cloudEvent">The whole CloudEvent in JSON (structured) form.</param>
    public IReadOnlyList<ValidationError> Validate(JsonElement cloudEvent)
    {
        if (cloudEvent.ValueKind != JsonValueKind.Object)
        {
            return [new ValidationError(string.Empty, ValidationRules.Type, "The event must be a JSON object.")];
        }

        List<ValidationError> errors;
        try
        {
            errors = SchemaErrorTranslator.Translate(validator.Validate(cloudEvent.GetRawText(), schema));
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            // Only reachable when the caller parsed with a MaxDepth above the schema reader's 64.
            return [new ValidationError(string.Empty, ValidationRules.MaxDepth, "The event is nested too deeply to validate.")];
        }

        DuplicatePropertyRule.Check(cloudEvent, string.Empty, errors);
        if (JsonRead.TryObject(cloudEvent, "data", out var data))
        {
            IdentityRules.Check(data, errors);
            EventTypeRules.Check(cloudEvent, data, errors);
            CollaborationRules.Check(data, errors);
            DiarienummerRule.Check(data, errors);
        }

        return errors.Distinct().ToList();
    }
}
