using System.Globalization;
using System.Xml;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Future's times: xs:dateTime, normally local wall-clock time without an offset.</summary>
internal static class FutureTime
{
    /// <summary>Parses a time; without offset it is read in <paramref name="zone"/>. Returns null for DateTime.MinValue.</summary>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo zone)
    {
        var value = XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind);
        if (value.Year <= 1)
        {
            return null;
        }

        return value.Kind switch
        {
            DateTimeKind.Unspecified => InZone(value, zone),
            DateTimeKind.Utc => TimeZoneInfo.ConvertTime(new DateTimeOffset(value), zone),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None),
        };
    }

    /// <summary>A wall-clock time in <paramref name="zone"/> with its offset there.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // A time in the spring-forward gap does not exist; the clock showed it an hour later.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        // In the autumn hour that happens twice, take the first (summer time): deterministic, and Future cannot tell.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
