using IntegrationHub.Hub.Calendar;
using static IntegrationHub.Hub.Tests.Calendar.Dates;

namespace IntegrationHub.Hub.Tests.Calendar;

public sealed class SwedishCalendarWorkingDayTests
{
    private static readonly SwedishCalendar WithEves = new(treatEvesAsHolidays: true);
    private static readonly SwedishCalendar WithoutEves = new(treatEvesAsHolidays: false);

    [Theory]
    [InlineData("2026-03-09", true)]   // ordinary Monday
    [InlineData("2026-03-07", false)]  // Saturday
    [InlineData("2026-03-08", false)]  // Sunday
    [InlineData("2026-01-01", false)]  // nyårsdagen, Thursday
    [InlineData("2026-01-02", true)]   // the Friday after is a working day
    [InlineData("2026-01-06", false)]  // trettondedag jul, Tuesday
    [InlineData("2026-04-02", true)]   // skärtorsdagen is a working day
    [InlineData("2026-04-03", false)]  // långfredagen
    [InlineData("2026-04-06", false)]  // annandag påsk
    [InlineData("2026-04-07", true)]
    [InlineData("2026-05-01", false)]  // första maj, Friday
    [InlineData("2026-05-14", false)]  // Kristi himmelsfärdsdag
    [InlineData("2026-05-15", true)]   // klämdag: a working day by law
    [InlineData("2026-05-25", true)]   // annandag pingst: no longer a holiday
    [InlineData("2025-06-06", false)]  // nationaldagen on a Friday
    [InlineData("2026-06-19", false)]  // midsommarafton
    [InlineData("2026-12-24", false)]  // julafton
    [InlineData("2026-12-25", false)]  // juldagen
    [InlineData("2026-12-31", false)]  // nyårsafton
    [InlineData("2004-05-31", false)]  // annandag pingst before 2005
    [InlineData("2003-06-06", true)]   // nationaldagen before 2005, a Friday
    [InlineData("2005-05-16", true)]   // annandag pingst 2005, the first year without it
    public void IsWorkingDay_Date_FollowsTheSwedishCalendar(string date, bool expected)
    {
        Assert.Equal(expected, WithEves.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-06-19")]
    [InlineData("2026-12-24")]
    [InlineData("2026-12-31")]
    public void IsWorkingDay_EveWithEvesTurnedOff_IsAWorkingDay(string date)
    {
        Assert.False(WithEves.IsWorkingDay(D(date)));
        Assert.True(WithoutEves.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("1899-12-29")]
    [InlineData("2200-01-01")]
    public void IsWorkingDay_DateOutsideTheCalendar_Throws(string date)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WithEves.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-02", 2, "2026-04-08")]
    [InlineData("2026-04-01", 1, "2026-04-02")]
    [InlineData("2026-04-01", 2, "2026-04-07")]
    [InlineData("2026-04-03", 2, "2026-04-08")]
    public void AddWorkingDays_AcrossEaster2026_SkipsLangfredagAndAnnandagPask(string start, int days, string expected)
    {
        Assert.Equal(D(expected), WithEves.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-03-09", 1, "2026-03-10")]  // Monday to Tuesday
    [InlineData("2026-03-13", 1, "2026-03-16")]  // Friday to Monday
    [InlineData("2026-03-07", 1, "2026-03-09")]  // from a Saturday
    [InlineData("2026-03-09", 5, "2026-03-16")]  // a working week
    [InlineData("2026-03-09", 10, "2026-03-23")]
    [InlineData("2026-05-13", 1, "2026-05-15")]  // over Kristi himmelsfärdsdag
    [InlineData("2026-06-18", 1, "2026-06-22")]  // over midsommar
    [InlineData("2025-06-05", 1, "2025-06-09")]  // over nationaldagen on a Friday
    public void AddWorkingDays_OrdinaryAndHolidayWeeks_SkipsWeekendsAndHolidays(string start, int days, string expected)
    {
        Assert.Equal(D(expected), WithEves.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-12-23", 1, "2026-12-28")]
    [InlineData("2026-12-23", 4, "2027-01-04")]
    [InlineData("2026-12-30", 1, "2027-01-04")]
    [InlineData("2026-12-30", 2, "2027-01-05")]
    [InlineData("2027-01-05", 1, "2027-01-07")]  // over trettondedag jul
    public void AddWorkingDays_AcrossTheYearBoundary_SkipsChristmasAndNewYear(string start, int days, string expected)
    {
        Assert.Equal(D(expected), WithEves.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-12-23", 1, "2026-12-24")]
    [InlineData("2026-12-23", 4, "2026-12-30")]
    [InlineData("2026-12-23", 5, "2026-12-31")]
    [InlineData("2026-06-18", 1, "2026-06-19")]
    public void AddWorkingDays_EvesTurnedOff_CountsTheEves(string start, int days, string expected)
    {
        Assert.Equal(D(expected), WithoutEves.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-03-09", "2026-03-09")]  // a working day stays
    [InlineData("2026-03-07", "2026-03-09")]  // Saturday moves to Monday
    [InlineData("2026-04-03", "2026-04-07")]  // långfredagen moves past Easter
    [InlineData("2026-12-24", "2026-12-28")]
    public void AddWorkingDays_Zero_ReturnsStartOrTheNextWorkingDay(string start, string expected)
    {
        Assert.Equal(D(expected), WithEves.AddWorkingDays(D(start), 0));
    }

    [Theory]
    [InlineData("2026-04-03")]  // långfredagen
    [InlineData("2026-03-07")]  // Saturday
    public void AddWorkingDays_OneFromADayOff_IsTheFirstWorkingDayAfterIt(string start)
    {
        // Start itself never counts, so from a day off both 0 and 1 land on the next working day.
        Assert.Equal(WithEves.AddWorkingDays(D(start), 0), WithEves.AddWorkingDays(D(start), 1));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WithEves.AddWorkingDays(D("2026-03-09"), -1));
    }

    [Theory]
    [InlineData("2026-03-09", "2026-03-11", 2)]  // received Monday, decided Wednesday
    [InlineData("2026-04-02", "2026-04-07", 1)]  // over Easter
    [InlineData("2026-03-13", "2026-03-16", 1)]  // over a weekend
    [InlineData("2026-03-09", "2026-03-09", 0)]  // same day
    [InlineData("2026-03-11", "2026-03-09", 0)]  // backwards
    [InlineData("2026-03-06", "2026-03-08", 0)]  // Friday to Sunday
    [InlineData("2026-12-23", "2027-01-04", 4)]
    [InlineData("2025-12-31", "2026-12-31", 251)]  // 261 weekdays, 7 weekday holidays, 3 weekday eves
    public void WorkingDaysBetween_Range_CountsWorkingDaysAfterFromUpToAndIncludingTo(string from, string to, int expected)
    {
        Assert.Equal(expected, WithEves.WorkingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void WorkingDaysBetween_WholeYear2026WithoutEves_Counts254()
    {
        Assert.Equal(254, WithoutEves.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")));
    }

    [Theory]
    [InlineData("2026-03-07")]
    [InlineData("2026-04-02")]
    [InlineData("2026-06-17")]
    [InlineData("2026-12-20")]
    [InlineData("2004-05-27")]
    public void AddWorkingDays_ThenWorkingDaysBetween_GivesBackTheNumberOfDays(string start)
    {
        foreach (var calendar in new[] { WithEves, WithoutEves })
        {
            for (var days = 1; days <= 40; days++)
            {
                var end = calendar.AddWorkingDays(D(start), days);

                Assert.True(calendar.IsWorkingDay(end));
                Assert.Equal(days, calendar.WorkingDaysBetween(D(start), end));
                Assert.Equal(days - 1, calendar.WorkingDaysBetween(D(start), end.AddDays(-1)));
            }
        }
    }
}
