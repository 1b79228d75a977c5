namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>
/// One piece of a parsed pattern: literal text, or a token. <paramref name="Text"/> is the literal
/// text or the token as written; <paramref name="Padding"/> is the minimum width of a number token.
/// </summary>
internal readonly record struct PatternSegment(PatternSegmentKind Kind, string Text, int Padding = 0);
