using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Cases;

/// <summary>One vidarebefordran; with retained follow-up a klarmarkering is expected back.</summary>
public sealed record ForwardState(
    string CollaborationId, OrganisationRef To, DateTimeOffset ForwardedAt, bool RetainedFollowUp, DateOnly? DueDate,
    DateTimeOffset? KlarmarkeringAt, bool AwaitingKlarmarkering, bool Overdue);
