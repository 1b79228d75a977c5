using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SchemaError = NJsonSchema.Validation.ValidationError;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// NJsonSchema's validator with the gaps closed that matter for the case-event schema, so that it enforces what the schema says:
/// <list type="bullet">
/// <item>formats <c>date-time</c>, <c>date</c>, <c>uri</c> and <c>uri-reference</c> are checked strictly by
/// <see cref="RfcFormats"/> (NJsonSchema accepts a date without time or offset as date-time, "/x" as a uri,
/// and does not check uri-reference at all); <c>email</c> additionally rejects control characters;</item>
/// <item><c>pattern</c> is evaluated with <c>$</c> meaning end of string (.NET's <c>$</c> also matches before a
/// final line feed, ECMA-262's does not);</item>
/// <item>a property name matched by <c>patternProperties</c> only thanks to that trailing line feed is rejected;</item>
/// <item><c>required</c> is not reported for a value that is not an object (NJsonSchema reports every required
/// property of, say, a string as missing; JSON Schema applies <c>required</c> to objects only).</item>
/// </list>
/// Stateless and safe to share between threads.
/// </summary>
internal sealed class StrictJsonSchemaValidator : JsonSchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex> StrictPatterns = new(StringComparer.Ordinal);

    private static readonly HashSet<ValidationErrorKind> FormatKinds =
    [
        ValidationErrorKind.DateTimeExpected,
        ValidationErrorKind.DateExpected,
        ValidationErrorKind.UriExpected,
        ValidationErrorKind.EmailExpected,
    ];

    /// <inheritdoc />
    protected override ICollection<SchemaError> Validate(
        JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath);
        if (token.Type == JTokenType.String && token.Value<string>() is { } value)
        {
            if (!string.IsNullOrEmpty(schema.Format))
            {
                CheckFormat(errors, value, token, schema, propertyName, propertyPath);
            }

            if (!string.IsNullOrEmpty(schema.Pattern))
            {
                CheckPattern(errors, value, token, schema, propertyName, propertyPath);
            }
        }
        else if (token is JObject obj && schema.PatternProperties.Count > 0 && !schema.AllowAdditionalProperties)
        {
            CheckPatternPropertyNames(errors, obj, schema, propertyPath);
        }

        if (token is not JObject)
        {
            // "required" constrains objects only; the type error already says what is wrong.
            foreach (var error in errors.Where(e => IsOwnError(e, token, schema) && e.Kind == ValidationErrorKind.PropertyRequired).ToList())
            {
                errors.Remove(error);
            }
        }

        return errors;
    }

    private static void CheckFormat(
        ICollection<SchemaError> errors, string value, JToken token, JsonSchema schema, string? propertyName, string? propertyPath)
    {
        var own = errors.Where(e => IsOwnError(e, token, schema) && FormatKinds.Contains(e.Kind)).ToList();
        bool? valid = schema.Format switch
        {
            "date-time" => RfcFormats.IsDateTime(value),
            "date" => RfcFormats.IsFullDate(value),
            "uri" => RfcFormats.IsUri(value),
            "uri-reference" => RfcFormats.IsUriReference(value),
            "email" => own.Count == 0 && !value.Any(char.IsControl),
            _ => null,
        };
        if (valid is null)
        {
            return;
        }

        foreach (var error in own)
        {
            errors.Remove(error);
        }

        if (valid == false)
        {
            var kind = schema.Format switch
            {
                "date-time" => ValidationErrorKind.DateTimeExpected,
                "date" => ValidationErrorKind.DateExpected,
                "email" => ValidationErrorKind.EmailExpected,
                _ => ValidationErrorKind.UriExpected,
            };
            errors.Add(new SchemaError(kind, propertyName, propertyPath, token, schema));
        }
    }

    private static void CheckPattern(
        ICollection<SchemaError> errors, string value, JToken token, JsonSchema schema, string? propertyName, string? propertyPath)
    {
        var own = errors.FirstOrDefault(e => IsOwnError(e, token, schema) && e.Kind == ValidationErrorKind.PatternMismatch);
        var matches = StrictRegex(schema.Pattern!).IsMatch(value);
        if (own is not null && matches)
        {
            errors.Remove(own);
        }
        else if (own is null && !matches)
        {
            errors.Add(new SchemaError(ValidationErrorKind.PatternMismatch, propertyName, propertyPath, token, schema));
        }
    }

    private static void CheckPatternPropertyNames(ICollection<SchemaError> errors, JObject obj, JsonSchema schema, string? propertyPath)
    {
        foreach (var property in obj.Properties())
        {
            if (schema.Properties.ContainsKey(property.Name))
            {
                continue;
            }

            var lenient = schema.PatternProperties.Keys.Any(p => Regex.IsMatch(property.Name, p));
            var strict = schema.PatternProperties.Keys.Any(p => StrictRegex(p).IsMatch(property.Name));
            if (lenient && !strict)
            {
                var path = string.IsNullOrEmpty(propertyPath) ? property.Name : propertyPath + "." + property.Name;
                errors.Add(new SchemaError(ValidationErrorKind.NoAdditionalPropertiesAllowed, property.Name, path, property, schema));
            }
        }
    }

    private static bool IsOwnError(SchemaError error, JToken token, JsonSchema schema) =>
        ReferenceEquals(error.Token, token) && ReferenceEquals(error.Schema, schema) && error is not ChildSchemaValidationError;

    private static Regex StrictRegex(string pattern) =>
        StrictPatterns.GetOrAdd(pattern, static p => new Regex(EndAnchorAtEndOfString(p), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>Rewrites a final unescaped <c>$</c> to <c>\z</c>, the ECMA-262 meaning of <c>$</c> without the multiline flag.</summary>
    private static string EndAnchorAtEndOfString(string pattern)
    {
        if (!pattern.EndsWith('$'))
        {
            return pattern;
        }

        var backslashes = 0;
        for (var i = pattern.Length - 2; i >= 0 && pattern[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 0 ? pattern[..^1] + @"\z" : pattern;
    }
}
