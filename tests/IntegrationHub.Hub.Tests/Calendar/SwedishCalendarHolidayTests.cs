using IntegrationHub.Hub.Calendar;
using static IntegrationHub.Hub.Tests.Calendar.Dates;

namespace IntegrationHub.Hub.Tests.Calendar;

public sealed class SwedishCalendarHolidayTests
{
    [Fact]
    public void HolidaysIn_2026_ListsEveryHolidayAndEveInDateOrder()
    {
        var expected = new[]
        {
            new SwedishHoliday(D("2026-01-01"), "Nyårsdagen", false),
            new SwedishHoliday(D("2026-01-06"), "Trettondedag jul", false),
            new SwedishHoliday(D("2026-04-03"), "Långfredagen", false),
            new SwedishHoliday(D("2026-04-05"), "Påskdagen", false),
            new SwedishHoliday(D("2026-04-06"), "Annandag påsk", false),
            new SwedishHoliday(D("2026-05-01"), "Första maj", false),
            new SwedishHoliday(D("2026-05-14"), "Kristi himmelsfärdsdag", false),
            new SwedishHoliday(D("2026-05-24"), "Pingstdagen", false),
            new SwedishHoliday(D("2026-06-06"), "Nationaldagen", false),
            new SwedishHoliday(D("2026-06-19"), "Midsommarafton", true),
            new SwedishHoliday(D("2026-06-20"), "Midsommardagen", false),
            new SwedishHoliday(D("2026-10-31"), "Alla helgons dag", false),
            new SwedishHoliday(D("2026-12-24"), "Julafton", true),
            new SwedishHoliday(D("2026-12-25"), "Juldagen", false),
            new SwedishHoliday(D("2026-12-26"), "Annandag jul", false),
            new SwedishHoliday(D("2026-12-31"), "Nyårsafton", true),
        };

        Assert.Equal(expected, SwedishCalendar.Default.HolidaysIn(2026));
    }

    [Fact]
    public void HolidaysIn_EvesTurnedOff_ListsOnlyTheThirteenPublicHolidays()
    {
        var holidays = new SwedishCalendar(treatEvesAsHolidays: false).HolidaysIn(2026);

        Assert.Equal(13, holidays.Count);
        Assert.DoesNotContain(holidays, h => h.IsEve);
    }

    [Theory]
    [InlineData(2024, "Påskdagen", "2024-03-31")]
    [InlineData(2025, "Påskdagen", "2025-04-20")]
    [InlineData(2027, "Påskdagen", "2027-03-28")]
    [InlineData(2038, "Påskdagen", "2038-04-25")]
    [InlineData(2026, "Kristi himmelsfärdsdag", "2026-05-14")]
    [InlineData(2026, "Midsommarafton", "2026-06-19")]
    [InlineData(2025, "Midsommarafton", "2025-06-20")]
    [InlineData(2027, "Midsommarafton", "2027-06-25")]
    [InlineData(2025, "Långfredagen", "2025-04-18")]
    [InlineData(2025, "Annandag påsk", "2025-04-21")]
    [InlineData(2025, "Kristi himmelsfärdsdag", "2025-05-29")]
    [InlineData(2025, "Alla helgons dag", "2025-11-01")]
    [InlineData(2027, "Alla helgons dag", "2027-11-06")]
    [InlineData(2038, "Kristi himmelsfärdsdag", "2038-06-03")]
    public void HolidaysIn_KnownYear_HasTheHolidayOnTheKnownDate(int year, string name, string date)
    {
        var holiday = Assert.Single(SwedishCalendar.Default.HolidaysIn(year), h => h.Name == name);

        Assert.Equal(D(date), holiday.Date);
    }

    [Fact]
    public void HolidaysIn_2008_KeepsBothHolidaysOnFirstOfMay()
    {
        var onFirstOfMay = SwedishCalendar.Default.HolidaysIn(2008).Where(h => h.Date == D("2008-05-01")).Select(h => h.Name);

        Assert.Equal(["Första maj", "Kristi himmelsfärdsdag"], onFirstOfMay);
    }

    [Theory]
    [InlineData(2004, "Annandag pingst", "2004-05-31")]
    [InlineData(1990, "Annandag pingst", "1990-06-04")]
    public void HolidaysIn_Before2005_HasAnnandagPingstInsteadOfNationaldagen(int year, string name, string date)
    {
        var holidays = SwedishCalendar.Default.HolidaysIn(year);

        Assert.Equal(D(date), Assert.Single(holidays, h => h.Name == name).Date);
        Assert.DoesNotContain(holidays, h => h.Name == "Nationaldagen");
    }

    [Fact]
    public void HolidaysIn_From2005_HasNationaldagenAndNoAnnandagPingst()
    {
        var holidays = SwedishCalendar.Default.HolidaysIn(2005);

        Assert.Contains(holidays, h => h.Name == "Nationaldagen" && h.Date == D("2005-06-06"));
        Assert.DoesNotContain(holidays, h => h.Name == "Annandag pingst");
    }

    [Fact]
    public void HolidaysIn_EveryYear_PlacesTheMovableDaysOnTheRightWeekdayAndDates()
    {
        for (var year = SwedishCalendar.MinYear; year <= SwedishCalendar.MaxYear; year++)
        {
            var days = SwedishCalendar.Default.HolidaysIn(year).ToDictionary(h => h.Name, h => h.Date);
            var easter = Easter.Sunday(year);

            Assert.Equal(16, days.Count);
            Assert.Equal(easter.AddDays(-2), days["Långfredagen"]);
            Assert.Equal(easter.AddDays(1), days["Annandag påsk"]);
            Assert.Equal(easter.AddDays(39), days["Kristi himmelsfärdsdag"]);
            Assert.Equal(easter.AddDays(49), days["Pingstdagen"]);
            AssertWeekdayBetween(days["Midsommarafton"], DayOfWeek.Friday, new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));
            AssertWeekdayBetween(days["Midsommardagen"], DayOfWeek.Saturday, new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));
            AssertWeekdayBetween(days["Alla helgons dag"], DayOfWeek.Saturday, new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
        }
    }

    [Fact]
    public void HolidaysIn_EveryYear_IsInDateOrderAndWithinTheYear()
    {
        for (var year = SwedishCalendar.MinYear; year <= SwedishCalendar.MaxYear; year++)
        {
            var dates = SwedishCalendar.Default.HolidaysIn(year).Select(h => h.Date).ToList();

            Assert.Equal(dates.Order(), dates);
            Assert.All(dates, date => Assert.Equal(year, date.Year));
        }
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2200)]
    public void HolidaysIn_YearOutsideTheCalendar_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishCalendar.Default.HolidaysIn(year));
    }

    [Fact]
    public void HolidaysIn_ReturnedList_CannotBeChangedByTheCaller()
    {
        var holidays = SwedishCalendar.Default.HolidaysIn(2026);

        var asList = Assert.IsAssignableFrom<IList<SwedishHoliday>>(holidays);
        Assert.True(asList.IsReadOnly);
    }

    [Fact]
    public void Default_TreatsEvesAsHolidays()
    {
        Assert.True(SwedishCalendar.Default.TreatEvesAsHolidays);
        Assert.True(new SwedishCalendar().TreatEvesAsHolidays);
        Assert.True(new SwedishCalendar(new SwedishCalendarOptions()).TreatEvesAsHolidays);
        Assert.False(new SwedishCalendar(new SwedishCalendarOptions { TreatEvesAsHolidays = false }).TreatEvesAsHolidays);
    }

    private static void AssertWeekdayBetween(DateOnly date, DayOfWeek weekday, DateOnly first, DateOnly last)
    {
        Assert.Equal(weekday, date.DayOfWeek);
        Assert.InRange(date, first, last);
    }
}
