using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>
/// Platina's dates: RFC 3339 with an offset is taken as is; a date-time without an offset or a bare date
/// (a document's "2026-03-02") is Swedish local time, since that is what the diarium records.
/// </summary>
internal static partial class PlatinaDates
{
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (HasOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset : null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Sweden.GetUtcOffset(unspecified));
    }

    [GeneratedRegex("(Z|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex HasOffset();
}
