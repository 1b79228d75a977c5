using System.Text.RegularExpressions;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Strict checks for the JSON Schema formats the case-event schema uses. NJsonSchema's own checks are
/// too lax for an interchange format (its date-time accepts a bare date or a missing offset, and its uri
/// accepts "/path" as a file URI on Unix), so <see cref="StrictJsonSchemaValidator"/> uses these instead.
/// </summary>
internal static partial class RfcFormats
{
    /// <summary>RFC 3339 <c>date-time</c>: full date, <c>T</c>, time, optional fraction, and <c>Z</c> or an offset.</summary>
    public static bool IsDateTime(string value)
    {
        var match = DateTimeRegex().Match(value);
        if (!match.Success)
        {
            return false;
        }

        return IsRealDate(match.Groups["date"].Value)
            && Number(match, "hour") <= 23
            && Number(match, "minute") <= 59
            && Number(match, "second") <= 60 // RFC 3339 allows a leap second.
            && (!match.Groups["offsetHour"].Success || (Number(match, "offsetHour") <= 23 && Number(match, "offsetMinute") <= 59));
    }

    /// <summary>RFC 3339 <c>full-date</c>: <c>YYYY-MM-DD</c> and a real calendar date.</summary>
    public static bool IsFullDate(string value) => FullDateRegex().IsMatch(value) && IsRealDate(value);

    /// <summary>RFC 3986 absolute URI: a scheme, a colon and only URI characters.</summary>
    public static bool IsUri(string value) => UriRegex().IsMatch(value);

    /// <summary>RFC 3986 URI reference: an absolute URI or a relative reference made of URI characters only.</summary>
    public static bool IsUriReference(string value) => UriReferenceRegex().IsMatch(value);

    private static bool IsRealDate(string yyyyMmDd) =>
        DateOnly.TryParseExact(yyyyMmDd, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.[0-9]+)?(?:[Zz]|[+-](?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2}))\z", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant, 250)]
    private static partial Regex FullDateRegex();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*\z", RegexOptions.CultureInvariant, 250)]
    private static partial Regex UriRegex();

    [GeneratedRegex(@"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*\z", RegexOptions.CultureInvariant, 250)]
    private static partial Regex UriReferenceRegex();
}
