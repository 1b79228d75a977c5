using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>Which events a subscriber receives; empty or absent lists mean "all".</summary>
public sealed record FilterRequest(
    IReadOnlyList<string>? EventTypes,
    IReadOnlyList<string>? CaseTypes,
    IReadOnlyList<string>? Units,
    DataClassification? ClassificationCeiling);
