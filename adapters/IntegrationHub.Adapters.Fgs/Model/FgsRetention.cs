namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>Gallring</c>: whether and when the information may be erased.</summary>
/// <param name="Erasable">@Gallras: true when it may be erased, false when it is kept (bevaras).</param>
/// <param name="Period">GallringsFrist.</param>
/// <param name="Explanation">GallringsForklaring: the rule or decision (gallringsbeslut) behind it.</param>
/// <param name="EarliestAt">GallringsPeriodSlut: the earliest erasure.</param>
public sealed record FgsRetention(bool Erasable, string? Period, string? Explanation, FgsDate? EarliestAt);
