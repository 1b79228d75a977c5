namespace IntegrationHub.Hub.Statistics;

/// <summary>The figures of the cases of one case type in one unit.</summary>
/// <param name="CaseType">The cases' latest known case type; absent when they never stated one.</param>
/// <param name="Unit">The cases' latest known unit id; absent when they never stated one.</param>
/// <param name="ServicePromiseWorkingDays">The case type's servicelöfte in working days, when it has one.</param>
/// <param name="Figures">The figures.</param>
public sealed record StatisticsGroup(string? CaseType, string? Unit, int? ServicePromiseWorkingDays, StatisticsFigures Figures);
