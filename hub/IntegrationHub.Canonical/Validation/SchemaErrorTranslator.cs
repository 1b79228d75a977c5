using System.Globalization;
using NJsonSchema;
using NJsonSchema.Validation;
using SchemaError = NJsonSchema.Validation.ValidationError;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Turns NJsonSchema errors into <see cref="ValidationError"/>s: JSON pointers, rule names after the JSON
/// Schema keyword, messages without event values. Wrapper errors (array items, pattern properties, allOf)
/// are replaced by their causes; for anyOf/oneOf the alternative the data was evidently aiming at is
/// chosen (the one whose enum discriminator matched), otherwise a single anyOf/oneOf error is reported.
/// </summary>
internal static class SchemaErrorTranslator
{
    public static List<ValidationError> Translate(IEnumerable<SchemaError> errors)
    {
        var result = new List<ValidationError>();
        foreach (var error in errors)
        {
            Add(error, result);
        }

        return RemoveCoveredCombinatorErrors(result.Distinct().ToList());
    }

    private static void Add(SchemaError error, List<ValidationError> result)
    {
        switch (error)
        {
            case ChildSchemaValidationError child when child.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf:
                AddCombinator(child, result);
                break;
            case ChildSchemaValidationError child when child.Errors.Values.Any(e => e.Count > 0):
                foreach (var inner in child.Errors.Values.SelectMany(e => e))
                {
                    Add(inner, result);
                }

                break;
            default:
                result.Add(new ValidationError(SchemaPath.ToPointer(error), RuleOf(error.Kind), MessageOf(error)));
                break;
        }
    }

    private static void AddCombinator(ChildSchemaValidationError error, List<ValidationError> result)
    {
        var keyword = RuleOf(error.Kind);
        var pointer = SchemaPath.ToPointer(error);
        var branches = error.Errors.Values.Select(TranslateBranch).ToList();

        if (branches.Count(b => b.Count == 0) > 1)
        {
            result.Add(new ValidationError(pointer, keyword, "The value matches more than one of the allowed alternatives."));
            return;
        }

        var aimedAt = branches.Where(b => b.Count > 0 && b.TrueForAll(e => e.Rule != ValidationRules.Enum)).ToList();
        if (aimedAt.Count == 1)
        {
            result.AddRange(aimedAt[0]);
            return;
        }

        var missing = aimedAt.Count > 1 && aimedAt.TrueForAll(b => b.Count == 1 && b[0].Rule == ValidationRules.Required)
            ? aimedAt.Select(b => b[0].Pointer[(pointer.Length + 1)..]).ToList()
            : null;
        result.Add(new ValidationError(
            pointer,
            keyword,
            missing is not null
                ? $"At least one of the properties {string.Join(", ", missing.Select(m => $"'{m}'"))} is required."
                : "The value matches none of the allowed alternatives."));
    }

    private static List<ValidationError> TranslateBranch(ICollection<SchemaError> errors)
    {
        var branch = new List<ValidationError>();
        foreach (var error in errors)
        {
            Add(error, branch);
        }

        return branch;
    }

    /// <summary>
    /// Drops an anyOf/oneOf error when a more precise error about the same value was already reported:
    /// an error inside it (an unknown identity <c>type</c> fails its enum and every oneOf branch) or a
    /// type error on it (a string instead of an identity object satisfies every branch).
    /// </summary>
    private static List<ValidationError> RemoveCoveredCombinatorErrors(List<ValidationError> errors) =>
        errors.Where(e => e.Rule is not (ValidationRules.AnyOf or ValidationRules.OneOf)
                || !errors.Exists(o => o.Pointer.StartsWith(e.Pointer + "/", StringComparison.Ordinal)
                    || (o.Pointer == e.Pointer && o.Rule == ValidationRules.Type)))
            .ToList();

    private static string RuleOf(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
            or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
            or ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates => ValidationRules.Type,
        ValidationErrorKind.PropertyRequired => ValidationRules.Required,
        ValidationErrorKind.NoAdditionalPropertiesAllowed or ValidationErrorKind.AdditionalPropertiesNotValid => ValidationRules.AdditionalProperties,
        ValidationErrorKind.NotInEnumeration => ValidationRules.Enum,
        ValidationErrorKind.PatternMismatch => ValidationRules.Pattern,
        ValidationErrorKind.StringTooShort => ValidationRules.MinLength,
        ValidationErrorKind.StringTooLong => ValidationRules.MaxLength,
        ValidationErrorKind.NumberTooSmall => ValidationRules.Minimum,
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => ValidationRules.Maximum,
        ValidationErrorKind.TooFewItems => ValidationRules.MinItems,
        ValidationErrorKind.TooManyItems => ValidationRules.MaxItems,
        ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected or ValidationErrorKind.TimeExpected
            or ValidationErrorKind.TimeSpanExpected or ValidationErrorKind.UriExpected or ValidationErrorKind.IpV4Expected
            or ValidationErrorKind.IpV6Expected or ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected
            or ValidationErrorKind.EmailExpected or ValidationErrorKind.HostnameExpected
            or ValidationErrorKind.Base64Expected => ValidationRules.Format,
        ValidationErrorKind.NotAnyOf => ValidationRules.AnyOf,
        ValidationErrorKind.NotOneOf => ValidationRules.OneOf,
        ValidationErrorKind.NotAllOf => "allOf",
        ValidationErrorKind.ExcludedSchemaValidates => "not",
        ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => "multipleOf",
        ValidationErrorKind.ItemsNotUnique => "uniqueItems",
        ValidationErrorKind.TooManyItemsInTuple or ValidationErrorKind.ArrayItemNotValid => "items",
        ValidationErrorKind.AdditionalItemNotValid => "additionalItems",
        ValidationErrorKind.TooManyProperties => "maxProperties",
        ValidationErrorKind.TooFewProperties => "minProperties",
        _ => "schema",
    };

    private static string MessageOf(SchemaError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"The required property '{error.Property}' is missing.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "This property is not allowed here.",
            ValidationErrorKind.NotInEnumeration =>
                $"The value is not one of the allowed values: {string.Join(", ", schema.Enumeration.Select(v => $"\"{v}\""))}.",
            ValidationErrorKind.PatternMismatch => $"The value does not match the pattern {schema.Pattern}.",
            ValidationErrorKind.StringTooShort => $"The value must be at least {schema.MinLength} characters long.",
            ValidationErrorKind.StringTooLong => $"The value must be at most {schema.MaxLength} characters long.",
            ValidationErrorKind.NumberTooSmall => $"The value must be at least {Invariant(schema.Minimum)}.",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"The value must be at most {Invariant(schema.Maximum)}.",
            ValidationErrorKind.TooFewItems => $"The array must have at least {schema.MinItems} items.",
            ValidationErrorKind.TooManyItems => $"The array must have at most {schema.MaxItems} items.",
            ValidationErrorKind.DateTimeExpected => "The value must be an RFC 3339 date-time with a UTC offset, e.g. 2026-03-02T09:14:07+01:00.",
            ValidationErrorKind.DateExpected => "The value must be an RFC 3339 full-date, e.g. 2026-03-02.",
            ValidationErrorKind.UriExpected when schema.Format == "uri-reference" => "The value must be a URI reference (RFC 3986).",
            ValidationErrorKind.UriExpected => "The value must be an absolute URI (RFC 3986).",
            ValidationErrorKind.EmailExpected => "The value must be an e-mail address.",
            ValidationErrorKind.ObjectExpected => "The value must be a JSON object.",
            ValidationErrorKind.ArrayExpected => "The value must be a JSON array.",
            ValidationErrorKind.StringExpected => "The value must be a JSON string.",
            ValidationErrorKind.IntegerExpected => "The value must be an integer.",
            ValidationErrorKind.NumberExpected => "The value must be a number.",
            ValidationErrorKind.BooleanExpected => "The value must be true or false.",
            ValidationErrorKind.NoTypeValidates => $"The value must be of type {TypeNames(schema.Type)}.",
            _ => $"The value violates the schema ({error.Kind}).",
        };
    }

    private static string Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string TypeNames(JsonObjectType type) =>
        string.Join(" or ", Enum.GetValues<JsonObjectType>()
            .Where(t => t != JsonObjectType.None && type.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant()));
}
