using System.Text.RegularExpressions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>
/// Runs the hub's case-event validator over the built events and turns what it finds into 422 problems, naming the
/// canonical field behind the pointer where one is known. The reader checks fields first, so this is the last net.
/// </summary>
internal static partial class SchemaCheck
{
    private static readonly (Regex Pointer, string Field)[] Fields =
    [
        (Pointer(@"^/data/parties/\d+/email|^/data/document/sender/email"), nameof(PushFieldMapping.ApplicantEmail)),
        (Pointer(@"^/data/parties/\d+/phone"), nameof(PushFieldMapping.ApplicantPhone)),
        (Pointer(@"^/data/parties/\d+/name|^/data/document/sender/(name|organisation)"), nameof(PushFieldMapping.ApplicantName)),
        (Pointer(@"^/data/parties/\d+/identity|^/data/document/sender/identity"), nameof(PushFieldMapping.ApplicantPersonnummer)),
        (Pointer(@"^/data/case/title|^/data/document/title"), nameof(PushFieldMapping.Title)),
        (Pointer(@"^/data/case/caseType"), nameof(PushFieldMapping.CaseType)),
        (Pointer(@"^/data/case/unit"), nameof(PushFieldMapping.UnitId)),
        (Pointer(@"^/data/event/description"), nameof(PushFieldMapping.Description)),
        (Pointer(@"^/data/event/link"), nameof(PushFieldMapping.Link)),
        (Pointer(@"^/data/document/attachments"), nameof(PushFieldMapping.Attachments)),
        (Pointer(@"^/time|^/data/event/occurredAt|^/data/document/date"), nameof(PushFieldMapping.SubmittedAt)),
        (Pointer(@"^/id|^/subject|^/data/case/sourceCaseId|^/data/document/documentId"), nameof(PushFieldMapping.SubmissionId)),
    ];

    public static IReadOnlyList<PushSubmissionProblem> Problems(IReadOnlyList<CaseEvent> events, Reading.CompiledMapping mapping)
    {
        var problems = new List<PushSubmissionProblem>();
        foreach (var caseEvent in events)
        {
            foreach (var error in CaseEventValidator.Default.Validate(CaseEventFormatter.ToJsonElement(caseEvent)))
            {
                var field = Fields.FirstOrDefault(f => f.Pointer.IsMatch(error.Pointer)).Field;
                var path = field is null ? null : mapping[field]?.Expression;
                var name = field ?? error.Pointer;
                var where = path is null ? string.Empty : $" (Mapping:{field} = {path})";
                problems.Add(new PushSubmissionProblem(name, path, error.Rule,
                    $"{name}{where} gives an event the case-event schema refuses at {error.Pointer}: {error.Message} (rule {error.Rule})."));
            }
        }

        return [.. problems.Distinct()];
    }

    private static Regex Pointer(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
}
