namespace IntegrationHub.Store.Review;

/// <summary>Which inbox items: of one municipality, optionally by diary, unit and state, newest first, before a sequence (paging).</summary>
public sealed record ReviewQuery(string Municipality, string? Diary = null, string? Unit = null, ReviewState? State = null, long? BeforeSequence = null, int Limit = 50);
