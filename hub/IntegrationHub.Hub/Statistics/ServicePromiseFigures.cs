namespace IntegrationHub.Hub.Statistics;

/// <summary>
/// Servicelöften: a decision within the case type's number of Swedish working days after the opening
/// date; working days on which the case was paused do not count.
/// </summary>
/// <param name="Kept">Decided on or before the due date.</param>
/// <param name="Broken">Decided after the due date, or undecided with the due date passed as of the report's <c>asOf</c>.</param>
/// <param name="Pending">Undecided and not yet due as of <c>asOf</c>.</param>
public sealed record ServicePromiseFigures(int Kept, int Broken, int Pending);
