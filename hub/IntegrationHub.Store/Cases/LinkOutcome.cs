namespace IntegrationHub.Store.Cases;

/// <summary>The result of linking a source id to a hub case.</summary>
/// <param name="Status">What happened.</param>
/// <param name="OtherCaseId">With <see cref="LinkStatus.BelongsToOtherCase"/>: the case that has the source id.</param>
public sealed record LinkOutcome(LinkStatus Status, Guid? OtherCaseId = null);
