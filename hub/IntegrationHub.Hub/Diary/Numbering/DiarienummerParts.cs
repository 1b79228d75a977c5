namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>
/// The parts of a diarienummer: which series (diarium) it belongs to, the year it was opened and
/// the running number within that series and year.
/// </summary>
/// <param name="Series">The series code (KS, BUN, SBN …), or null when the number does not say.</param>
/// <param name="Year">The four-digit year.</param>
/// <param name="RunningNumber">The running number within series and year, 1 or more.</param>
public sealed record DiarienummerParts(string? Series, int Year, int RunningNumber);
