using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Cases;

/// <summary>One uppdrag: its status reports and whether it is done.</summary>
public sealed record AssignmentState(
    string CollaborationId, OrganisationRef To, DateTimeOffset AssignedAt, DateOnly? DueDate, int Reports, DateTimeOffset? LastReportAt, DateTimeOffset? CompletedAt, bool Overdue);
