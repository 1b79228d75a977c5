using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>A pushed submission read and checked, before anything is stored.</summary>
internal sealed record Submission(
    string Id,
    DateTimeOffset SubmittedAt,
    string? CaseType,
    string Title,
    string? Description,
    SubmittedApplicant Applicant,
    OrganisationRef? Unit,
    Uri? Link,
    IReadOnlyList<SubmittedFile> Attachments)
{
    public override string ToString() => $"Submission {{ Id = {Id}, Attachments = {Attachments.Count} }}";
}
