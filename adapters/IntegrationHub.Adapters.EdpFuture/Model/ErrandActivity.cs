namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>An activity (åtgärd) on an errand.</summary>
/// <param name="ActivityDate">When it was done or registered.</param>
/// <param name="CarryOutBeforeDate">When it must be done by (utföres före), if set.</param>
/// <param name="Text">What was done, in the handler's words.</param>
public sealed record ErrandActivity(DateTimeOffset? ActivityDate, DateTimeOffset? CarryOutBeforeDate, string? Text)
{
    /// <summary>Without the text, which may hold personal data.</summary>
    public override string ToString() => $"ErrandActivity {{ ActivityDate = {ActivityDate:O} }}";
}
