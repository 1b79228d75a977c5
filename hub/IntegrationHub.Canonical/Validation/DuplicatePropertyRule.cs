using System.Text.Json;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Reports a property name that occurs twice in one object. System.Text.Json keeps both, the schema
/// validator (Newtonsoft) keeps the last, and a deserializer may keep either: the event is ambiguous.
/// </summary>
internal static class DuplicatePropertyRule
{
    public static void Check(JsonElement element, string pointer, List<ValidationError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPointer = JsonPointer.Append(pointer, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        errors.Add(new ValidationError(propertyPointer, ValidationRules.DuplicateProperty, "The property occurs more than once in the same object."));
                    }

                    Check(property.Value, propertyPointer, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, JsonPointer.Append(pointer, index++), errors);
                }

                break;
            default:
                break;
        }
    }
}
