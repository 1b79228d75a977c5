using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>
/// An FGS date (<c>EgetTidDatum</c>): <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDThh:mm:ss</c>, in the
/// local time of the exporting authority (FGS has no offset).
/// </summary>
/// <param name="Text">The date as written.</param>
/// <param name="Year">Year.</param>
/// <param name="Month">Month, when given.</param>
/// <param name="Day">Day, when given.</param>
/// <param name="Time">Time of day, when given.</param>
public sealed partial record FgsDate(string Text, int Year, int? Month = null, int? Day = null, TimeOnly? Time = null)
{
    /// <summary>The formats FGS allows, for error messages.</summary>
    public const string Formats = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss";

    /// <summary>Parses an FGS date; false for any other form or an impossible date (2026-02-30, 24:00:00).</summary>
    public static bool TryParse(string? text, out FgsDate? date)
    {
        date = null;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = Number(match, "y")!.Value;
        var month = Number(match, "m");
        var day = Number(match, "d");
        if (year < 1 || month is < 1 or > 12 || (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value))))
        {
            return false;
        }

        TimeOnly? time = null;
        if (match.Groups["h"].Success)
        {
            var (h, mi, s) = (Number(match, "h")!.Value, Number(match, "mi")!.Value, Number(match, "s")!.Value);
            if (h > 23 || mi > 59 || s > 59)
            {
                return false;
            }

            time = new TimeOnly(h, mi, s);
        }

        date = new FgsDate(text!, year, month, day, time);
        return true;
    }

    /// <summary>The full-precision FGS form of an instant, in the authority's time zone.</summary>
    public static FgsDate FromDateTimeOffset(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new FgsDate(local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), local.Year, local.Month, local.Day,
            new TimeOnly(local.Hour, local.Minute, local.Second));
    }

    /// <summary>
    /// The instant: a missing month or day is the first, a missing time midnight, in <paramref name="zone"/> (the time
    /// zone of the authority that exported the file).
    /// </summary>
    public DateTimeOffset ToDateTimeOffset(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var time = Time ?? TimeOnly.MinValue;
        var local = new DateTime(Year, Month ?? 1, Day ?? 1, time.Hour, time.Minute, time.Second, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The date as written.</summary>
    public override string ToString() => Text;

    private static int? Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-(?<m>[0-9]{2})(?:-(?<d>[0-9]{2})(?:T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2}))?)?)?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Pattern();
}
