namespace IntegrationHub.Hub.Calendar;

/// <summary>
/// Swedish local time. Diarienummer years and service-promise deadlines follow the Swedish date,
/// not the UTC date: a case registered at 00:30 on New Year's Day belongs to the new year.
/// </summary>
public static class SwedishTime
{
    /// <summary>The IANA id of Swedish time.</summary>
    public const string ZoneId = "Europe/Stockholm";

    /// <summary>Swedish time from the system's time-zone database, or <see cref="RuleBasedZone"/> when it has none.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>
    /// Swedish time built from today's EU rules (CET, summer time from the last Sunday of March to the
    /// last Sunday of October, switching at 01:00 UTC) with no history before 1996. Used when the
    /// system has no time-zone database, as in minimal container images without tzdata.
    /// </summary>
    public static TimeZoneInfo RuleBasedZone { get; } = CreateRuleBasedZone();

    /// <summary>The Swedish calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Today's date in Sweden according to <paramref name="timeProvider"/>.</summary>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOf(timeProvider.GetUtcNow());
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A wrong date near midnight is worse than no history before 1996.
            return CreateRuleBasedZone();
        }
    }

    private static TimeZoneInfo CreateRuleBasedZone()
    {
        // Transition times are local: 02:00 CET in March, 03:00 CEST in October, both 01:00 UTC.
        var summerTime = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0, DateTimeKind.Unspecified), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0, DateTimeKind.Unspecified), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(1), "(UTC+01:00) Stockholm", "CET", "CEST", [summerTime]);
    }
}
