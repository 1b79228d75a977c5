namespace IntegrationHub.Hub.Statistics;

/// <summary>
/// Handling time (handläggningstid) in calendar days with decimals, from the case's opening to its
/// last closing, minus the time it was paused in between. Percentiles use the nearest-rank method on
/// the unrounded times: the p-th percentile of n sorted times is the one at rank ⌈p·n/100⌉, so it is
/// always an observed time, and the median of an even count is the lower of the two middle times.
/// Values are rounded to two decimals (midpoint away from zero).
/// </summary>
/// <param name="Count">How many closed cases the figures are computed from.</param>
/// <param name="MedianDays">The median (nearest rank, 50th percentile); absent when no case was closed.</param>
/// <param name="Percentile90Days">The 90th percentile (nearest rank); absent when no case was closed.</param>
public sealed record HandlingTimeFigures(int Count, decimal? MedianDays, decimal? Percentile90Days);
