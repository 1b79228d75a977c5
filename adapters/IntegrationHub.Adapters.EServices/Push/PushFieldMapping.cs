namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>
/// Canonical field → where it sits in the payload: a JSONPath (<c>$.applicant.name</c>) for JSON, an XPath
/// (<c>/sp:Arende/sp:Sokande/p:Namn</c>) for XML. Only <see cref="SubmissionId"/> is required; an unset field is not read.
/// The attachment fields are relative to one element of <see cref="Attachments"/>.
/// </summary>
public sealed class PushFieldMapping
{
    /// <summary>The platform's id of the submission (required): the case id, and with the instance the event ids.</summary>
    public string? SubmissionId { get; set; }

    /// <summary>When the citizen submitted (RFC 3339, local time without offset, or Unix seconds); the receipt time when unset.</summary>
    public string? SubmittedAt { get; set; }

    /// <summary>The platform's case type or form name, mapped through <see cref="PushSubmissionOptions.CaseTypes"/>.</summary>
    public string? CaseType { get; set; }

    /// <summary>The case title (ärendemening).</summary>
    public string? Title { get; set; }

    /// <summary>The citizen's description (free text).</summary>
    public string? Description { get; set; }

    /// <summary>The applicant's personnummer or samordningsnummer, in any common written form.</summary>
    public string? ApplicantPersonnummer { get; set; }

    /// <summary>The applying organisation's organisationsnummer.</summary>
    public string? ApplicantOrganisationsnummer { get; set; }

    /// <summary>The applicant's name (with an organisation: the contact person's name).</summary>
    public string? ApplicantName { get; set; }

    /// <summary>The applying organisation's name.</summary>
    public string? ApplicantOrganisationName { get; set; }

    /// <summary>The applicant's e-mail address.</summary>
    public string? ApplicantEmail { get; set; }

    /// <summary>The applicant's phone number.</summary>
    public string? ApplicantPhone { get; set; }

    /// <summary>The responsible unit's id (enhet).</summary>
    public string? UnitId { get; set; }

    /// <summary>The responsible unit's name.</summary>
    public string? UnitName { get; set; }

    /// <summary>An absolute web link to the submission in the platform (Mina sidor).</summary>
    public string? Link { get; set; }

    /// <summary>The attachments: a path selecting one node per attachment, e.g. <c>$.files[*]</c>.</summary>
    public string? Attachments { get; set; }

    /// <summary>File name, relative to an attachment (required for each attachment), e.g. <c>$.name</c>.</summary>
    public string? AttachmentName { get; set; }

    /// <summary>Media type, relative to an attachment; guessed from the name when unset or empty.</summary>
    public string? AttachmentMediaType { get; set; }

    /// <summary>The base64 content, relative to an attachment (required for each attachment).</summary>
    public string? AttachmentContent { get; set; }

    /// <summary>Every field with its configured path, in a fixed order.</summary>
    internal IEnumerable<(string Field, string? Path)> All() =>
    [
        (nameof(SubmissionId), SubmissionId), (nameof(SubmittedAt), SubmittedAt), (nameof(CaseType), CaseType), (nameof(Title), Title),
        (nameof(Description), Description), (nameof(ApplicantPersonnummer), ApplicantPersonnummer),
        (nameof(ApplicantOrganisationsnummer), ApplicantOrganisationsnummer), (nameof(ApplicantName), ApplicantName),
        (nameof(ApplicantOrganisationName), ApplicantOrganisationName), (nameof(ApplicantEmail), ApplicantEmail),
        (nameof(ApplicantPhone), ApplicantPhone), (nameof(UnitId), UnitId), (nameof(UnitName), UnitName), (nameof(Link), Link),
        (nameof(Attachments), Attachments), (nameof(AttachmentName), AttachmentName), (nameof(AttachmentMediaType), AttachmentMediaType),
        (nameof(AttachmentContent), AttachmentContent),
    ];
}
