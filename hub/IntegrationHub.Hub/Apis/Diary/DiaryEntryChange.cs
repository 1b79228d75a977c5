namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>One correction or annulment: who, when, why, and the registration before it.</summary>
public sealed record DiaryEntryChange(int Version, DateTimeOffset ChangedAt, string ChangedBy, string Reason, DiaryEntry Before);
