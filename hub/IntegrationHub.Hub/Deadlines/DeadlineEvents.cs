using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// Turns a passed deadline into a <c>se.sambruk.case.deadline-passed</c> event. Its id is derived from
/// the case and the deadline, so raising it again (another check, another hub process) stores nothing new.
/// </summary>
public static class DeadlineEvents
{
    /// <summary>The event for a passed deadline, raised at <paramref name="now"/>.</summary>
    public static CaseEvent Create(PassedDeadline passed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(passed);
        var first = passed.Case.Events[0].Event.Data.Case;
        var deadline = passed.Deadline;
        return new CaseEvent
        {
            Id = Id(passed.Case.CaseId, deadline),
            Source = $"urn:integrationhub:hub:{passed.Case.Municipality}",
            Type = CaseEventTypes.DeadlinePassed,
            Time = now,
            Subject = $"{first.SourceSystem}/{first.SourceCaseId}",
            Municipality = passed.Case.Municipality,
            DataClassification = DataClassification.Internal,
            DataSchema = CaseEventAttributes.SchemaV1,
            Data = new CaseEventData
            {
                Case = new CaseRef { HubCaseId = passed.Case.CaseId, SourceSystem = first.SourceSystem, SourceCaseId = first.SourceCaseId },
                Event = new EventDetails { Headline = passed.Headline, OccurredAt = now, IsDiaryEvent = false },
                Deadline = deadline,
            },
        };
    }

    /// <summary>The deterministic event id of a deadline of a case.</summary>
    public static string Id(Guid caseId, Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var key = string.Create(CultureInfo.InvariantCulture, $"{deadline.Kind}|{deadline.CollaborationId}|{deadline.Party?.Id}|{deadline.DueDate:yyyy-MM-dd}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"deadline:{caseId:D}:{hash}");
    }
}
