namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>A registration with its earlier versions (each as the public diary would have shown it).</summary>
public sealed record DiaryEntryHistory(DiaryEntry Current, IReadOnlyList<DiaryEntryChange> Changes);
