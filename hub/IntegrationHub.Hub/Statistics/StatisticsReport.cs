namespace IntegrationHub.Hub.Statistics;

/// <summary>Ärendestatistik of one municipality for a period: the totals of the selection and one group per case type and unit.</summary>
/// <param name="Municipality">Kommunkod.</param>
/// <param name="Period">The period.</param>
/// <param name="AsOf">
/// The instant the state-like figures (backlog, pending or broken service promises, overdue remisser,
/// missing klarmarkeringar) describe: the end of the period, or now if the period has not ended yet.
/// </param>
/// <param name="CaseType">The case-type filter, if any.</param>
/// <param name="Unit">The unit filter, if any.</param>
/// <param name="Totals">The figures of the whole selection (not sums of group medians: handling times are recomputed).</param>
/// <param name="Groups">One entry per (case type, unit) with anything to report, ordered by case type then unit.</param>
public sealed record StatisticsReport(
    string Municipality,
    StatisticsPeriod Period,
    DateTimeOffset AsOf,
    string? CaseType,
    string? Unit,
    StatisticsFigures Totals,
    IReadOnlyList<StatisticsGroup> Groups);
