using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>A deadline found passed, before it becomes an event.</summary>
public sealed record PassedDeadline(CaseHistory Case, Deadline Deadline, string Headline);
