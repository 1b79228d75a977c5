using IntegrationHub.Hub.Calendar;
using static IntegrationHub.Hub.Tests.Calendar.Dates;

namespace IntegrationHub.Hub.Tests.Calendar;

public sealed class EasterTests
{
    // Checked against python-dateutil's easter(), an independent implementation.
    [Theory]
    [InlineData(1900, "1900-04-15")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2100, "2100-03-28")]
    [InlineData(2199, "2199-04-14")]
    [InlineData(2285, "2285-03-22")]
    public void Sunday_KnownYear_IsTheKnownDate(int year, string expected)
    {
        Assert.Equal(D(expected), Easter.Sunday(year));
    }

    [Fact]
    public void Sunday_EveryYear_IsASundayBetween22MarchAnd25April()
    {
        for (var year = 1900; year <= 2199; year++)
        {
            var easter = Easter.Sunday(year);

            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Sunday_YearOutsideGregorianCalendar_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(year));
    }
}
