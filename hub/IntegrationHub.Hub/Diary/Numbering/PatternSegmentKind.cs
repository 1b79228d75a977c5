namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>What one piece of a diarienummer pattern stands for.</summary>
internal enum PatternSegmentKind
{
    Literal,
    Series,
    Year,
    TwoDigitYear,
    Number,
}
