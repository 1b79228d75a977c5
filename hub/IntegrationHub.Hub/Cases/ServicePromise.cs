using IntegrationHub.Hub.Calendar;

namespace IntegrationHub.Hub.Cases;

/// <summary>
/// A service promise (servicelöfte): a decision within a number of Swedish working days of the case
/// opening. Working days on which the case waited for another party do not count.
/// </summary>
public static class ServicePromise
{
    /// <summary>
    /// The due date: the <paramref name="workingDays"/>-th working day after <paramref name="openedOn"/> on which the
    /// case was not paused. A working day counts as paused when it falls after a pause's start date, up to and
    /// including its end date (a pause still running is taken to end at <paramref name="asOf"/>). Null when the
    /// due date falls outside the calendar's years.
    /// </summary>
    public static DateOnly? DueDate(DateOnly openedOn, int workingDays, IEnumerable<PauseInterval> pauses, DateTimeOffset asOf, SwedishCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentNullException.ThrowIfNull(calendar);
        if (openedOn.Year is < SwedishCalendar.MinYear or >= SwedishCalendar.MaxYear)
        {
            return null;
        }

        if (workingDays == 0)
        {
            return calendar.AddWorkingDays(openedOn, 0);
        }

        var paused = pauses.Select(p => (From: SwedishTime.DateOf(p.From), To: SwedishTime.DateOf(p.To ?? asOf))).ToList();
        var date = openedOn;
        var remaining = workingDays;
        while (remaining > 0 && date.Year < SwedishCalendar.MaxYear)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkingDay(date) && !paused.Exists(p => date > p.From && date <= p.To))
            {
                remaining--;
            }
        }

        return remaining > 0 ? null : date;
    }
}
