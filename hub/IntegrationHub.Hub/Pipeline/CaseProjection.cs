using IntegrationHub.Canonical.Model;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Pipeline;

/// <summary>Derives what an event says about its case and the people it names.</summary>
public static class CaseProjection
{
    /// <summary>
    /// The case update an event implies. The diarienummer is left out: whether the event's number is
    /// recorded depends on the case type's diary rule, which the diarisation step applies.
    /// </summary>
    public static CaseUpsert ToUpsert(long sequence, CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return new CaseUpsert
        {
            Sequence = sequence,
            Municipality = caseEvent.Municipality,
            Case = caseEvent.Data.Case with { Diarienummer = null },
            Status = caseEvent.Data.Case.Status ?? StatusImpliedBy(caseEvent.Type),
            Classification = caseEvent.DataClassification,
            OccurredAt = caseEvent.Data.Event.OccurredAt,
        };
    }

    /// <summary>
    /// FGS status implied by an event type when the source did not state one. Only the types whose
    /// meaning is unambiguous imply a status; a pause is not "Vilande" in the FGS sense.
    /// </summary>
    public static CaseStatus? StatusImpliedBy(string eventType) => eventType switch
    {
        CaseEventTypes.Opened or CaseEventTypes.Reopened => CaseStatus.Open,
        CaseEventTypes.Closed => CaseStatus.Closed,
        _ => null,
    };

    /// <summary>The people to index for person timelines: whom the event concerns and the identified parties.</summary>
    public static IReadOnlyCollection<PersonLink> People(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        var links = new List<PersonLink>();
        if (caseEvent.Data.Concerns is { } concerns)
        {
            links.Add(new PersonLink(concerns.Identity, PersonRelation.Concerns));
        }

        foreach (var party in caseEvent.Data.Parties ?? [])
        {
            if (party.Identity is { } identity)
            {
                links.Add(new PersonLink(identity, PersonRelation.Party, party.Role));
            }
        }

        return links;
    }
}
