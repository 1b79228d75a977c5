namespace IntegrationHub.Store.Diary;

/// <summary>
/// A diarienummer an event claimed for a case that already has another one. Reported (never
/// overwritten) so that a registrator can sort it out.
/// </summary>
public sealed record DiaryConflict(
    Guid Id, string Municipality, Guid CaseId, long EventSequence, string SourceSystem, string Existing, string Claimed, DateTimeOffset DetectedAt);
