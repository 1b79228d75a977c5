using System.Globalization;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>The platform writes local Swedish time without an offset; the hub needs one.</summary>
internal static class SwedishTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateOnly Today(TimeProvider timeProvider) => DateOf(timeProvider.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>A local time as written by the platform ("2026-03-02T09:14:07", "2026-03-02 09:14"); an offset, when written, is kept.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.Length > 19 && text[^6] is '+' or '-'))
        {
            return withOffset;
        }

        string[] local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return null;
        }

        var offset = Zone.IsInvalidTime(wall) ? Zone.GetUtcOffset(wall.AddHours(1)) : Zone.GetUtcOffset(wall);
        return new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), offset);
    }

    /// <summary>In Swedish time, for events the hub shows.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without tzdata: Central European rules are Sweden's.
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Stockholm", TimeSpan.FromHours(1), "Europe/Stockholm", "CET");
        }
    }
}
