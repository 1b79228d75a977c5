namespace IntegrationHub.Hub.Calendar;

/// <summary>How a municipality counts working days, for binding from configuration.</summary>
public sealed class SwedishCalendarOptions
{
    /// <summary>
    /// Whether midsommarafton, julafton and nyårsafton are days off. True by default, because
    /// municipal offices are closed then even though the law does not make them holidays.
    /// </summary>
    public bool TreatEvesAsHolidays { get; set; } = true;
}
