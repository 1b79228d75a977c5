namespace IntegrationHub.Hub.Calendar;

/// <summary>The date of Easter, on which most of the movable Swedish holidays depend.</summary>
public static class Easter
{
    /// <summary>
    /// Easter Sunday (påskdagen) of <paramref name="year"/> in the Gregorian calendar, by the
    /// anonymous Gregorian algorithm (Meeus/Jones/Butcher), exact for every Gregorian year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is before the Gregorian reform (1583) or after 9999.</exception>
    public static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;                      // position in the 19-year Metonic cycle
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;                // lunar correction
        var h = ((19 * a) + b - d - g + 15) % 30; // days from 21 March to the paschal full moon, roughly
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7; // days from the full moon to the next Sunday
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
