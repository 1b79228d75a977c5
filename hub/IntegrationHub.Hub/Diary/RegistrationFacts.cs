using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Hub.Diary;

/// <summary>What OSL 5 kap. 2 § asks a registration to record, read from a canonical event.</summary>
public static class RegistrationFacts
{
    /// <summary>
    /// The protected-identity provision: a party with skyddad identitet makes the registration
    /// restricted even when the source set no restriction, so the public diary withholds the name.
    /// </summary>
    public const string ProtectedIdentityProvision = "OSL 21 kap. 3 §";

    /// <summary>The document's direction: as stated, else drawn up for decisions and received otherwise.</summary>
    public static DocumentDirection Direction(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return caseEvent.Data.Document?.Direction
            ?? (caseEvent.Type == CaseEventTypes.Decided ? DocumentDirection.DrawnUp : DocumentDirection.Incoming);
    }

    /// <summary>The Swedish date the document came in, was drawn up or sent.</summary>
    public static DateOnly DocumentDate(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return SwedishTime.DateOf(caseEvent.Data.Document?.Date ?? caseEvent.Data.Event.OccurredAt);
    }

    /// <summary>In brief what the document concerns.</summary>
    public static string DocumentDescription(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        return caseEvent.Data.Document?.Title ?? caseEvent.Data.Event.Headline;
    }

    /// <summary>Sender for received documents, recipients for sent ones, none for drawn-up ones.</summary>
    public static string? Correspondent(CaseEvent caseEvent, DocumentDirection direction)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        var document = caseEvent.Data.Document;
        return direction switch
        {
            DocumentDirection.Incoming => Describe(document?.Sender) ?? Applicant(caseEvent),
            DocumentDirection.Sent => document?.Recipients is { Count: > 0 } recipients
                ? string.Join("; ", recipients.Select(Describe).OfType<string>())
                : Applicant(caseEvent),
            _ => null,
        };
    }

    /// <summary>The restriction to record: the event's own, else one for protected identities.</summary>
    public static RegistrationRestriction? Restriction(CaseEvent caseEvent)
    {
        ArgumentNullException.ThrowIfNull(caseEvent);
        if (caseEvent.Data.Restriction is { } r)
        {
            return new RegistrationRestriction(r.Type, r.LegalReference, r.Explanation, r.MarkedAt, r.MarkedBy);
        }

        var protectedIdentity = caseEvent.Data.Parties?.Any(p => p.ProtectedIdentity == true) == true
            || caseEvent.Data.Concerns?.ProtectedIdentity == true;
        return protectedIdentity
            ? new RegistrationRestriction(RestrictionType.Sekretess, ProtectedIdentityProvision, "Skyddade personuppgifter.", caseEvent.Data.Event.OccurredAt, "IntegrationHub")
            : null;
    }

    private static string? Applicant(CaseEvent caseEvent) =>
        caseEvent.Data.Parties?.FirstOrDefault(p => p.Role == PartyRole.Applicant)?.Name;

    private static string? Describe(Correspondent? correspondent) => correspondent switch
    {
        null => null,
        { Name: { } name, Organisation: { } organisation } => $"{name}, {organisation}",
        _ => correspondent.Name ?? correspondent.Organisation ?? correspondent.Email,
    };
}
