using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Cases;

/// <summary>One remiss and whether the remissinstans has answered.</summary>
public sealed record ReferralState(string CollaborationId, OrganisationRef To, DateTimeOffset SentAt, DateOnly? DueDate, DateTimeOffset? AnsweredAt, bool Overdue);
