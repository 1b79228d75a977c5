using IntegrationHub.Adapters.EdpFuture.Model;

namespace IntegrationHub.Adapters.EdpFuture.Source;

/// <summary>One thing in Future not yet emitted: a new errand, a new status, or a new activity.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Errand">The errand as Future has it now.</param>
/// <param name="CustomerId">The customer whose errand list it came from.</param>
/// <param name="SortTime">Orders the batch oldest first; an errand's opened sorts before its activities.</param>
/// <param name="Hash">The activity's or status change's hash (empty for opened).</param>
/// <param name="Activity">The new activity, for <see cref="ErrandChangeKind.Activity"/>.</param>
/// <param name="PreviousStatus">The status emitted before, for <see cref="ErrandChangeKind.Status"/>.</param>
internal sealed record ErrandChange(
    ErrandChangeKind Kind,
    Errand Errand,
    int CustomerId,
    DateTimeOffset SortTime,
    string Hash,
    ErrandActivity? Activity = null,
    string? PreviousStatus = null);

/// <summary>What changed on an errand; the order breaks ties in time.</summary>
internal enum ErrandChangeKind
{
    Opened,
    Activity,
    Status,
}
