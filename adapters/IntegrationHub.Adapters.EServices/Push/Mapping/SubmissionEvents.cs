using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>
/// The two events of a submission: <c>opened</c> (the case, with the applicant) and <c>document-registered</c> (the
/// incoming document: the submission as received, then its attachments). Everything comes from the submission and the
/// instance, so a re-push gives the same ids and the hub drops the duplicates.
/// </summary>
internal static class SubmissionEvents
{
    public const string OpenedSuffix = "opened";
    public const string DocumentSuffix = "submission";

    /// <param name="instance">The instance.</param>
    /// <param name="submission">The checked submission.</param>
    /// <param name="files">The submission file first, then the attachments.</param>
    /// <param name="reference">Where the hub serves a file.</param>
    public static IReadOnlyList<CaseEvent> Build(PushInstance instance, Submission submission, IReadOnlyList<SubmittedFile> files, Func<SubmittedFile, string> reference)
    {
        var options = instance.Options;
        var sourceSystem = options.SourceSystem!;
        var caseRef = new CaseRef
        {
            SourceSystem = sourceSystem,
            SourceCaseId = submission.Id,
            Title = submission.Title,
            CaseType = submission.CaseType,
            Unit = submission.Unit,
            Status = CaseStatus.Open,
        };
        var applicant = submission.Applicant;
        var opened = Event(instance, submission, CaseEventTypes.Opened, OpenedSuffix, new CaseEventData
        {
            Case = caseRef,
            Event = new EventDetails
            {
                Headline = "Vi har tagit emot ditt ärende",
                Description = submission.Description,
                OccurredAt = submission.SubmittedAt,
                IsDiaryEvent = false,
                Category = CustomerEventCategory.Receipt,
                Link = submission.Link,
            },
            Parties = Parties(applicant),
        });
        var registered = Event(instance, submission, CaseEventTypes.DocumentRegistered, DocumentSuffix, new CaseEventData
        {
            Case = caseRef,
            Event = new EventDetails
            {
                Headline = "Dina inskickade uppgifter har registrerats",
                OccurredAt = submission.SubmittedAt,
                IsDiaryEvent = true,
                Link = submission.Link,
            },
            Document = new Document
            {
                DocumentId = submission.Id,
                Direction = DocumentDirection.Incoming,
                Title = submission.Title,
                DocumentType = PushKeys.Cut(string.IsNullOrWhiteSpace(options.Platform) ? "E-tjänst" : $"E-tjänst ({PushKeys.Line(options.Platform)})", 100),
                Date = submission.SubmittedAt,
                Sender = Sender(applicant),
                Attachments = [.. files.Select(f => new Attachment(f.Name, f.MediaType, f.Content.LongLength, f.Sha256, reference(f)))],
            },
        });
        return [opened, registered];
    }

    private static CaseEvent Event(PushInstance instance, Submission submission, string type, string suffix, CaseEventData data) => new()
    {
        Id = PushKeys.EventId(instance.Name, submission.Id, suffix),
        Source = PushKeys.Source(instance.Options.SourceSystem!, instance.Options.Municipality!),
        Type = type,
        Time = submission.SubmittedAt,
        Subject = PushKeys.Subject(instance.Options.SourceSystem!, submission.Id),
        Municipality = instance.Options.Municipality!,
        DataClassification = instance.Classification,
        DataSchema = CaseEventAttributes.SchemaV1,
        Data = data,
    };

    // An organisation applying through a person: the organisation is the applicant, the person its contact.
    private static List<Party>? Parties(SubmittedApplicant a)
    {
        if (a.IsEmpty)
        {
            return null;
        }

        if (a.Organisation is not null && a.Person is not null)
        {
            return
            [
                new Party { Role = PartyRole.Applicant, Identity = a.Organisation, Name = a.OrganisationName },
                new Party { Role = PartyRole.Contact, Identity = a.Person, Name = a.Name, Email = a.Email, Phone = a.Phone },
            ];
        }

        var identity = a.Person ?? a.Organisation;
        var name = a.Organisation is not null ? a.OrganisationName ?? a.Name : a.Name;
        return [new Party { Role = PartyRole.Applicant, Identity = identity, Name = name, Email = a.Email, Phone = a.Phone }];
    }

    private static Correspondent? Sender(SubmittedApplicant a)
    {
        var organisation = a.Organisation is not null || a.Person is null ? a.OrganisationName : null;
        return a.Name is null && organisation is null && a.Email is null
            ? null
            : new Correspondent { Name = a.Name, Organisation = organisation, Email = a.Email, Identity = a.Person ?? a.Organisation };
    }
}
