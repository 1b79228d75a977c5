using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Security;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>
/// A registration as the public diary shows it. A restricted registration is still listed with its
/// number, date and type, but its correspondent and description are withheld (OSL 5 kap. 2 § andra stycket).
/// </summary>
public sealed record DiaryEntry
{
    /// <summary>Registration id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The hub case.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>Diary (series) code.</summary>
    public required string Diary { get; init; }
    /// <summary>The case's diarienummer.</summary>
    public required string Diarienummer { get; init; }
    /// <summary>The document's löpnummer in the case; absent for the case registration.</summary>
    public int? DocumentNumber { get; init; }
    /// <summary><c>Case</c> or <c>Document</c>.</summary>
    public required RegistrationKind Kind { get; init; }
    /// <summary>Date received, drawn up or sent.</summary>
    public required DateOnly DocumentDate { get; init; }
    /// <summary>When the hub registered it.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>Inkommen, upprättad or expedierad.</summary>
    public DocumentDirection? Direction { get; init; }
    /// <summary>Handlingstyp.</summary>
    public string? DocumentType { get; init; }
    /// <summary>Sender or recipient; absent when withheld.</summary>
    public string? Correspondent { get; init; }
    /// <summary>What it concerns; absent when withheld.</summary>
    public string? Description { get; init; }
    /// <summary>True when correspondent and description are withheld for secrecy.</summary>
    public required bool Withheld { get; init; }
    /// <summary>The restriction's type and legal reference (these are public), when restricted.</summary>
    public RestrictionSummary? Restriction { get; init; }
    /// <summary>Active or annulled.</summary>
    public required RegistrationStatus Status { get; init; }
    /// <summary>Why it was annulled.</summary>
    public string? AnnulmentReason { get; init; }
    /// <summary>Version (1 + corrections and annulment).</summary>
    public required int Version { get; init; }

    /// <summary>The public view of a registration.</summary>
    public static DiaryEntry Public(Registration registration) => Create(registration, withhold: true);

    /// <summary>
    /// The view for a caller: a restricted registration's correspondent and description are shown only to a registrator
    /// with clearance (classification ceiling confidential or higher); everyone else gets the public view.
    /// </summary>
    public static DiaryEntry For(Registration registration, HubCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Create(registration, withhold: !HasClearance(caller));
    }

    /// <summary>True when the caller may see what a sekretessmarkering withholds.</summary>
    public static bool HasClearance(HubCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(HubScopes.Registrator) && caller.Ceiling >= DataClassification.Confidential;
    }

    private static DiaryEntry Create(Registration registration, bool withhold)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var withheld = withhold && registration.Restriction is not null;
        return new DiaryEntry
        {
            Id = registration.Id,
            CaseId = registration.CaseId,
            Diary = registration.Diary,
            Diarienummer = registration.Diarienummer,
            DocumentNumber = registration.DocumentNumber,
            Kind = registration.Kind,
            DocumentDate = registration.DocumentDate,
            RegisteredAt = registration.RegisteredAt,
            Direction = registration.Direction,
            DocumentType = registration.DocumentType,
            Correspondent = withheld ? null : registration.Correspondent,
            Description = withheld ? null : registration.Description,
            Withheld = withheld,
            Restriction = registration.Restriction is { } r ? new RestrictionSummary(r.Type, r.LegalReference) : null,
            Status = registration.Status,
            AnnulmentReason = registration.AnnulmentReason,
            Version = registration.Version,
        };
    }
}
