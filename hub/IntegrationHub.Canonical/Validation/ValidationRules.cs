namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// The stable rule names a <see cref="ValidationError"/> can carry. Structural rules are named after the
/// JSON Schema keyword that failed; semantic rules after the domain rule.
/// </summary>
public static class ValidationRules
{
    /// <summary>JSON Schema <c>type</c>: the value has the wrong JSON type.</summary>
    public const string Type = "type";
    /// <summary>JSON Schema <c>required</c>: a required property is missing.</summary>
    public const string Required = "required";
    /// <summary>JSON Schema <c>additionalProperties</c>: a property the schema does not allow.</summary>
    public const string AdditionalProperties = "additionalProperties";
    /// <summary>JSON Schema <c>enum</c>: the value is not one of the allowed values.</summary>
    public const string Enum = "enum";
    /// <summary>JSON Schema <c>pattern</c>: the string does not match the pattern.</summary>
    public const string Pattern = "pattern";
    /// <summary>JSON Schema <c>format</c>: date-time, date, uri, uri-reference or email is malformed.</summary>
    public const string Format = "format";
    /// <summary>JSON Schema <c>minLength</c>.</summary>
    public const string MinLength = "minLength";
    /// <summary>JSON Schema <c>maxLength</c>.</summary>
    public const string MaxLength = "maxLength";
    /// <summary>JSON Schema <c>minimum</c>.</summary>
    public const string Minimum = "minimum";
    /// <summary>JSON Schema <c>maximum</c>.</summary>
    public const string Maximum = "maximum";
    /// <summary>JSON Schema <c>minItems</c>.</summary>
    public const string MinItems = "minItems";
    /// <summary>JSON Schema <c>maxItems</c>.</summary>
    public const string MaxItems = "maxItems";
    /// <summary>JSON Schema <c>anyOf</c>: none of the alternatives holds (e.g. a correspondent without name, organisation and email).</summary>
    public const string AnyOf = "anyOf";
    /// <summary>JSON Schema <c>oneOf</c>: not exactly one alternative holds.</summary>
    public const string OneOf = "oneOf";
    /// <summary>The event is nested more than 64 levels deep.</summary>
    public const string MaxDepth = "max-depth";
    /// <summary>The same property name appears twice in one JSON object.</summary>
    public const string DuplicateProperty = "duplicate-property";
    /// <summary>The Luhn check digit of a personnummer, samordningsnummer or organisationsnummer is wrong.</summary>
    public const string Luhn = "luhn";
    /// <summary>A personnummer does not start with a real calendar date.</summary>
    public const string PersonnummerDate = "personnummer-date";
    /// <summary>A samordningsnummer's day is not 61 to 91, or the date minus 60 days-of-month is not a real date.</summary>
    public const string SamordningsnummerDate = "samordningsnummer-date";
    /// <summary>An organisationsnummer's third digit is below 2 (it would be a personnummer).</summary>
    public const string OrganisationsnummerForm = "organisationsnummer-form";
    /// <summary><c>se.sambruk.case.document-registered</c> without <c>data.document</c>.</summary>
    public const string RequiresDocument = "requires-document";
    /// <summary><c>se.sambruk.case.decided</c> without <c>data.decision</c>.</summary>
    public const string RequiresDecision = "requires-decision";
    /// <summary>A collaboration event type without <c>data.collaboration</c>.</summary>
    public const string RequiresCollaboration = "requires-collaboration";
    /// <summary><c>se.sambruk.case.paused</c> without <c>data.pause</c>.</summary>
    public const string RequiresPause = "requires-pause";

    /// <summary>A <c>deadline-passed</c> event without <c>data.deadline</c>.</summary>
    public const string RequiresDeadline = "requires-deadline";
    /// <summary><c>se.sambruk.case.opened</c> without <c>data.case.title</c> (ärendemening).</summary>
    public const string RequiresTitle = "requires-title";
    /// <summary>The collaboration kind does not fit the event type (e.g. referred with vidarebefordran).</summary>
    public const string CollaborationKind = "collaboration-kind";
    /// <summary><c>retainedFollowUp</c> on a collaboration that is not vidarebefordran.</summary>
    public const string RetainedFollowUp = "retained-follow-up";
    /// <summary>A diarienummer's <c>year</c> or <c>runningNumber</c> does not appear in its <c>value</c>.</summary>
    public const string DiarienummerParts = "diarienummer-parts";
}
