namespace IntegrationHub.Hub.Statistics;

/// <summary>What ärendestatistik to compute: one municipality, a period of Swedish calendar dates, optional filters.</summary>
/// <param name="Municipality">Kommunkod (four digits).</param>
/// <param name="From">First day of the period (Swedish date, inclusive).</param>
/// <param name="To">Last day of the period (Swedish date, inclusive); on or after <paramref name="From"/>.</param>
public sealed record StatisticsQuery(string Municipality, DateOnly From, DateOnly To)
{
    /// <summary>Only cases whose latest known <c>data.case.caseType</c> is this.</summary>
    public string? CaseType { get; init; }

    /// <summary>Only cases whose latest known <c>data.case.unit.id</c> is this.</summary>
    public string? Unit { get; init; }
}
