namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>The stable rule names a <see cref="PushSubmissionProblem"/> carries; schema rules keep the validator's names.</summary>
public static class PushRules
{
    /// <summary>The body is not well-formed JSON.</summary>
    public const string JsonSyntax = "json-syntax";
    /// <summary>The body is not well-formed XML (or has a DTD, which is refused).</summary>
    public const string XmlSyntax = "xml-syntax";
    /// <summary>A required field is absent, null or empty.</summary>
    public const string Required = "required";
    /// <summary>The value is an object, array, element with children or boolean where text was expected.</summary>
    public const string Type = "type";
    /// <summary>The value cannot be read as what the field holds (a date-time, an identity number's digits, a URL).</summary>
    public const string Format = "format";
    /// <summary>The value is too long for the field.</summary>
    public const string MaxLength = "maxLength";
    /// <summary>The Luhn check digit (kontrollsiffra) of a personnummer, samordningsnummer or organisationsnummer is wrong.</summary>
    public const string Luhn = "luhn";
    /// <summary>A personnummer or samordningsnummer whose date is not a real date.</summary>
    public const string PersonnummerDate = "personnummer-date";
    /// <summary>An organisationsnummer whose third digit is below 2.</summary>
    public const string OrganisationsnummerForm = "organisationsnummer-form";
    /// <summary>An e-mail address that is not one.</summary>
    public const string Email = "email";
    /// <summary>A phone number with characters other than digits, spaces, +, (, ) and -, or of the wrong length.</summary>
    public const string Phone = "phone";
    /// <summary>A case type that gives no hub case type key.</summary>
    public const string CaseTypeKey = "case-type";
    /// <summary>Attachment content that is not base64.</summary>
    public const string Base64 = "base64";
}
