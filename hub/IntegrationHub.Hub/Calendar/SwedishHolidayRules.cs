namespace IntegrationHub.Hub.Calendar;

/// <summary>
/// The public holidays of lag (1989:253) om allmänna helgdagar, plus the three eves municipalities
/// treat as days off. Sundays are holidays by the same law but are weekends anyway, so only the
/// named days are listed.
/// </summary>
internal static class SwedishHolidayRules
{
    // SFS 2004:1320 made nationaldagen a public holiday from 2005 and in exchange removed annandag
    // pingst; handling times from before 2005 would otherwise count a day off as a working day.
    private const int FirstYearWithNationaldagen = 2005;

    /// <summary>Every holiday and eve of <paramref name="year"/>, in date order.</summary>
    public static SwedishHoliday[] For(int year)
    {
        var easter = Easter.Sunday(year);
        var pingstdagen = easter.AddDays(49);
        var midsommardagen = SaturdayOnOrAfter(new DateOnly(year, 6, 20));

        SwedishHoliday[] days =
        [
            Holiday(new DateOnly(year, 1, 1), "Nyårsdagen"),
            Holiday(new DateOnly(year, 1, 6), "Trettondedag jul"),
            Holiday(easter.AddDays(-2), "Långfredagen"),
            Holiday(easter, "Påskdagen"),
            Holiday(easter.AddDays(1), "Annandag påsk"),
            Holiday(new DateOnly(year, 5, 1), "Första maj"),
            Holiday(easter.AddDays(39), "Kristi himmelsfärdsdag"),
            Holiday(pingstdagen, "Pingstdagen"),
            year >= FirstYearWithNationaldagen
                ? Holiday(new DateOnly(year, 6, 6), "Nationaldagen")
                : Holiday(pingstdagen.AddDays(1), "Annandag pingst"),
            Eve(midsommardagen.AddDays(-1), "Midsommarafton"),
            Holiday(midsommardagen, "Midsommardagen"),
            Holiday(SaturdayOnOrAfter(new DateOnly(year, 10, 31)), "Alla helgons dag"),
            Eve(new DateOnly(year, 12, 24), "Julafton"),
            Holiday(new DateOnly(year, 12, 25), "Juldagen"),
            Holiday(new DateOnly(year, 12, 26), "Annandag jul"),
            Eve(new DateOnly(year, 12, 31), "Nyårsafton"),
        ];

        // Stable sort: when two holidays share a date (Kristi himmelsfärdsdag on 1 May in 2008),
        // both stay, in the law's order.
        return [.. days.OrderBy(day => day.Date)];
    }

    private static SwedishHoliday Holiday(DateOnly date, string name) => new(date, name, IsEve: false);

    private static SwedishHoliday Eve(DateOnly date, string name) => new(date, name, IsEve: true);

    private static DateOnly SaturdayOnOrAfter(DateOnly date) =>
        date.AddDays(((int)DayOfWeek.Saturday - (int)date.DayOfWeek + 7) % 7);
}
