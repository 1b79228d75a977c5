using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace IntegrationHub.Hub.Calendar;

/// <summary>
/// Working days (arbetsdagar) in Sweden, for service promises (servicelöften) and handling times:
/// Monday to Friday except public holidays and, unless turned off, midsommarafton, julafton and
/// nyårsafton. Thread-safe.
/// </summary>
/// <remarks>
/// Covers 1900–2199. Today's rules apply to every year, except that annandag pingst rather than
/// nationaldagen is a holiday before 2005; older changes (midsommardagen was 24 June before 1953)
/// are not modelled.
/// </remarks>
public sealed class SwedishCalendar
{
    /// <summary>The first year the calendar covers.</summary>
    public const int MinYear = 1900;

    /// <summary>The last year the calendar covers.</summary>
    public const int MaxYear = 2199;

    private readonly ConcurrentDictionary<int, ReadOnlyCollection<SwedishHoliday>> _holidays = new();

    /// <summary>Creates a calendar.</summary>
    /// <param name="treatEvesAsHolidays">Whether midsommarafton, julafton and nyårsafton are days off.</param>
    public SwedishCalendar(bool treatEvesAsHolidays = true) => TreatEvesAsHolidays = treatEvesAsHolidays;

    /// <summary>Creates a calendar from configured options.</summary>
    public SwedishCalendar(SwedishCalendarOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).TreatEvesAsHolidays)
    {
    }

    /// <summary>The calendar municipalities use: the eves are days off.</summary>
    public static SwedishCalendar Default { get; } = new();

    /// <summary>Whether midsommarafton, julafton and nyårsafton are days off.</summary>
    public bool TreatEvesAsHolidays { get; }

    /// <summary>The days off of <paramref name="year"/> in date order, weekend holidays included; the eves only when they are days off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900–2199.</exception>
    public IReadOnlyList<SwedishHoliday> HolidaysIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return _holidays.GetOrAdd(
            year,
            static (y, eves) => SwedishHolidayRules.For(y).Where(h => eves || !h.IsEve).ToList().AsReadOnly(),
            TreatEvesAsHolidays);
    }

    /// <summary>Whether <paramref name="date"/> is a weekday that is not a day off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside 1900–2199.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        var holidays = HolidaysIn(date.Year);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        foreach (var holiday in holidays)
        {
            if (holiday.Date == date)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>, start not
    /// counted: one working day after skärtorsdagen 2026 (Thursday 2 April) is Tuesday 7 April. With 0,
    /// <paramref name="start"/> if it is a working day, else the next one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative, or the result is after 2199.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var date = start;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]:
    /// a case received on a Monday and decided on the Wednesday took 2 working days. 0 when
    /// <paramref name="toInclusive"/> is not after <paramref name="fromExclusive"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A counted day is outside 1900–2199.</exception>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var count = 0;
        for (var date = fromExclusive.AddDays(1); date <= toInclusive; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
