namespace IntegrationHub.Store.Diary;

/// <summary>A search in the diary of one municipality.</summary>
public sealed record DiaryQuery
{
    /// <summary>Kommunkod (required).</summary>
    public required string Municipality { get; init; }
    /// <summary>Only this diary.</summary>
    public string? Diary { get; init; }
    /// <summary>Document date from (inclusive).</summary>
    public DateOnly? From { get; init; }
    /// <summary>Document date to (inclusive).</summary>
    public DateOnly? To { get; init; }
    /// <summary>
    /// Free text, matched case-insensitively against the diarienummer, and — only for registrations
    /// without a restriction — the description and correspondent, so a search never reveals withheld text.
    /// </summary>
    public string? Text { get; init; }
    /// <summary>Items to skip.</summary>
    public int Offset { get; init; }
    /// <summary>Items to return.</summary>
    public int Limit { get; init; } = 100;
}
