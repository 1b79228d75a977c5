using IntegrationHub.Hub.Diary.Numbering;

namespace IntegrationHub.Hub.Municipalities;

/// <summary>Which diary is authoritative for a case type.</summary>
public abstract record DiaryRule
{
    private DiaryRule() { }

    /// <summary>The hub's own diary registers the cases and assigns the diarienummer.</summary>
    public sealed record HubDiary(string Series, DiarienummerFormat Format) : DiaryRule;

    /// <summary>A source system's diary is authoritative; the hub records the numbers it sends.</summary>
    public sealed record SourceDiary(string SourceSystem) : DiaryRule;

    /// <summary>No rule configured: the first diarienummer an event states is recorded.</summary>
    public sealed record Unconfigured : DiaryRule;
}
