namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>One flow family (e-tjänst, all its versions): how its submissions become hub cases.</summary>
public sealed class OpenEPlatformFamilyOptions
{
    /// <summary>The hub case type key, e.g. bygglov.</summary>
    public string? CaseType { get; set; }

    /// <summary>
    /// Ärendemening; <c>{question}</c> is a question's value (export name or QueryID), <c>{flow}</c> the e-service's
    /// name, <c>{id}</c> the flow instance id. Empty: the e-service's name.
    /// </summary>
    public string? Title { get; set; }

    /// <summary>The citizen-facing headline of the opened event.</summary>
    public string Headline { get; set; } = "Vi har tagit emot ditt ärende";

    /// <summary>Handlingstyp of the registered submission.</summary>
    public string DocumentType { get; set; } = "Ansökan";

    /// <summary>The responsible authority (nämnd) id, e.g. SBN.</summary>
    public string? Authority { get; set; }

    /// <summary>Its name.</summary>
    public string? AuthorityName { get; set; }

    /// <summary>The responsible unit id when no question names it.</summary>
    public string? Unit { get; set; }

    /// <summary>Its name.</summary>
    public string? UnitName { get; set; }

    /// <summary>Only instances with this Open ePlatform status name are read (the optional status path segment).</summary>
    public string? Status { get; set; }

    /// <summary>Classification of this family's submissions; a personnummer makes them at least confidential.</summary>
    public string? Classification { get; set; }

    /// <summary>Lagrum of a secrecy marking (e.g. OSL 26 kap. 1 §): the submissions become restricted with a Sekretess restriction.</summary>
    public string? LegalReference { get; set; }

    /// <summary>
    /// Question (export name, QueryID, or <c>{export name}/{child}</c>) → canonical field: <c>case.title</c>,
    /// <c>unit</c>, <c>document.title</c>, <c>event.description</c> or <c>parties.{role}</c> (e.g. parties.applicant,
    /// parties.property-owner).
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
