using IntegrationHub.Hub.Calendar;
using static IntegrationHub.Hub.Tests.Calendar.Dates;

namespace IntegrationHub.Hub.Tests.Calendar;

public sealed class SwedishTimeTests
{
    [Theory]
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]  // midnight in Sweden, still the old year in UTC
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    [InlineData("2027-01-01T05:00:00+09:00", "2026-12-31")]  // the new year in Tokyo, not yet in Sweden
    [InlineData("2026-06-18T21:59:59Z", "2026-06-18")]  // summer time: UTC+2
    [InlineData("2026-06-18T22:00:00Z", "2026-06-19")]
    public void DateOf_InstantNearMidnight_IsTheSwedishDate(string instant, string expected)
    {
        Assert.Equal(D(expected), SwedishTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    // Summer time starts 2026-03-29 at 01:00 UTC: midnight is 23:00 UTC the day before.
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")]
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")]
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")]
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    // Summer time ends 2026-10-25 at 01:00 UTC: midnight moves from 22:00 to 23:00 UTC.
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void DateOf_AroundSummerTimeChanges_FollowsTheOffsetInForce(string instant, string expected)
    {
        Assert.Equal(D(expected), SwedishTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-15T12:00:00Z", 1)]
    [InlineData("2026-07-15T12:00:00Z", 2)]
    [InlineData("2026-03-29T00:59:59Z", 1)]
    [InlineData("2026-03-29T01:00:00Z", 2)]
    [InlineData("2026-10-25T00:59:59Z", 2)]
    [InlineData("2026-10-25T01:00:00Z", 1)]
    public void Zone_Offset_IsCetInWinterAndCestInSummer(string instant, int hours)
    {
        var utc = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromHours(hours), SwedishTime.Zone.GetUtcOffset(utc));
    }

    [Fact]
    public void RuleBasedZone_From1996To2040_AgreesWithTheSystemDatabase()
    {
        var system = TimeZoneInfo.FindSystemTimeZoneById(SwedishTime.ZoneId);
        for (var instant = new DateTimeOffset(1996, 1, 1, 0, 30, 0, TimeSpan.Zero);
             instant.Year < 2041;
             instant = instant.AddHours(1))
        {
            if (system.GetUtcOffset(instant) != SwedishTime.RuleBasedZone.GetUtcOffset(instant))
            {
                Assert.Fail($"Offsets differ at {instant:O}");
            }
        }
    }

    [Fact]
    public void Today_FromTimeProvider_IsTheSwedishDate()
    {
        var newYearsEveLateUtc = new FixedTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(D("2027-01-01"), SwedishTime.Today(newYearsEveLateUtc));
    }
}
