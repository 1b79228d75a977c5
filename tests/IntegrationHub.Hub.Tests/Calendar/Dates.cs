using System.Globalization;

namespace IntegrationHub.Hub.Tests.Calendar;

/// <summary>ISO dates in test data, so that tables read like a calendar.</summary>
internal static class Dates
{
    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
