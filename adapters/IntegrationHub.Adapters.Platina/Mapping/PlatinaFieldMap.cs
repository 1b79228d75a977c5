namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>
/// RFC 6901 JSON pointers to each field the adapter reads from <c>GET /events</c>. <see cref="Events"/> and
/// <see cref="Next"/> point into the page; the event fields into one event; the file fields into one element of
/// <see cref="DocumentFiles"/>. Defaults are the published contract; a partner whose JSON differs overrides only the
/// fields that differ, e.g. <c>Mapping:Fields:CaseDiarienummer = /arende/dnr</c>.
/// </summary>
public sealed class PlatinaFieldMap
{
    /// <summary>The array of events in a page.</summary>
    public string Events { get; set; } = "/events";
    /// <summary>The cursor to continue from when more events wait (absent or null at the end).</summary>
    public string Next { get; set; } = "/next";

    /// <summary>The event's position, passed back as <c>after</c>.</summary>
    public string Cursor { get; set; } = "/cursor";
    /// <summary>The event's unique id.</summary>
    public string Id { get; set; } = "/id";
    /// <summary>The event type (registered, document-added, decided, closed, status-changed).</summary>
    public string Type { get; set; } = "/type";
    /// <summary>When it happened in Platina.</summary>
    public string OccurredAt { get; set; } = "/occurredAt";

    /// <summary>Platina's case id.</summary>
    public string CaseId { get; set; } = "/case/id";
    /// <summary>The diarienummer.</summary>
    public string CaseDiarienummer { get; set; } = "/case/diarienummer";
    /// <summary>The ärendemening.</summary>
    public string CaseTitle { get; set; } = "/case/title";
    /// <summary>Platina's case type.</summary>
    public string CaseType { get; set; } = "/case/caseType";
    /// <summary>Platina's case status.</summary>
    public string CaseStatus { get; set; } = "/case/status";
    /// <summary>The responsible unit's id.</summary>
    public string CaseUnitId { get; set; } = "/case/unit/id";
    /// <summary>The responsible unit's name.</summary>
    public string CaseUnitName { get; set; } = "/case/unit/name";
    /// <summary>The id the case has in the system that created it (the hub case id for cases the hub sent).</summary>
    public string CaseExternalId { get; set; } = "/case/externalId";
    /// <summary>The case's classification (public, internal, confidential, restricted).</summary>
    public string CaseClassification { get; set; } = "/case/classification";
    /// <summary>The provision of a secrecy marking (sekretessmarkering), e.g. "OSL 26 kap. 1 §".</summary>
    public string CaseRestrictionLegalReference { get; set; } = "/case/restriction/legalReference";

    /// <summary>The document's id; the event carries a document when this is present.</summary>
    public string DocumentId { get; set; } = "/document/id";
    /// <summary>The id the document has in the system that sent it (set for documents the hub sent).</summary>
    public string DocumentExternalId { get; set; } = "/document/externalId";
    /// <summary>Rubrik.</summary>
    public string DocumentTitle { get; set; } = "/document/title";
    /// <summary>Handlingstyp.</summary>
    public string DocumentType { get; set; } = "/document/documentType";
    /// <summary>inkommen, upprattad or expedierad.</summary>
    public string DocumentDirection { get; set; } = "/document/direction";
    /// <summary>Date received, drawn up or sent.</summary>
    public string DocumentDate { get; set; } = "/document/date";
    /// <summary>Löpnummer within the case.</summary>
    public string DocumentLopnummer { get; set; } = "/document/lopnummer";
    /// <summary>The document's files (array).</summary>
    public string DocumentFiles { get; set; } = "/document/files";

    /// <summary>A file's id for <c>GET /files/{id}</c>.</summary>
    public string FileId { get; set; } = "/id";
    /// <summary>A file's name.</summary>
    public string FileName { get; set; } = "/name";
    /// <summary>A file's media type.</summary>
    public string FileMediaType { get; set; } = "/mediaType";
    /// <summary>A file's size in bytes.</summary>
    public string FileSize { get; set; } = "/size";
    /// <summary>A file's SHA-256 (hex).</summary>
    public string FileSha256 { get; set; } = "/sha256";

    /// <summary>The decision's outcome text; the event carries a decision when this is present.</summary>
    public string DecisionOutcome { get; set; } = "/decision/outcome";
    /// <summary>When it was decided.</summary>
    public string DecisionDecidedAt { get; set; } = "/decision/decidedAt";
    /// <summary>The deciding body's id (nämnd), e.g. BN.</summary>
    public string DecisionBodyId { get; set; } = "/decision/body/id";
    /// <summary>The deciding body's name.</summary>
    public string DecisionBodyName { get; set; } = "/decision/body/name";
    /// <summary>Protokollsparagraf.</summary>
    public string DecisionParagraph { get; set; } = "/decision/paragraph";
    /// <summary>Short summary of the decision.</summary>
    public string DecisionSummary { get; set; } = "/decision/summary";

    /// <summary>Every pointer with its setting name, for validation.</summary>
    internal IEnumerable<(string Name, string Pointer)> All() =>
    [
        (nameof(Events), Events), (nameof(Next), Next), (nameof(Cursor), Cursor), (nameof(Id), Id), (nameof(Type), Type),
        (nameof(OccurredAt), OccurredAt), (nameof(CaseId), CaseId), (nameof(CaseDiarienummer), CaseDiarienummer),
        (nameof(CaseTitle), CaseTitle), (nameof(CaseType), CaseType), (nameof(CaseStatus), CaseStatus),
        (nameof(CaseUnitId), CaseUnitId), (nameof(CaseUnitName), CaseUnitName), (nameof(CaseExternalId), CaseExternalId),
        (nameof(CaseClassification), CaseClassification), (nameof(CaseRestrictionLegalReference), CaseRestrictionLegalReference),
        (nameof(DocumentId), DocumentId), (nameof(DocumentExternalId), DocumentExternalId), (nameof(DocumentTitle), DocumentTitle),
        (nameof(DocumentType), DocumentType), (nameof(DocumentDirection), DocumentDirection), (nameof(DocumentDate), DocumentDate),
        (nameof(DocumentLopnummer), DocumentLopnummer), (nameof(DocumentFiles), DocumentFiles), (nameof(FileId), FileId),
        (nameof(FileName), FileName), (nameof(FileMediaType), FileMediaType), (nameof(FileSize), FileSize),
        (nameof(FileSha256), FileSha256), (nameof(DecisionOutcome), DecisionOutcome), (nameof(DecisionDecidedAt), DecisionDecidedAt),
        (nameof(DecisionBodyId), DecisionBodyId), (nameof(DecisionBodyName), DecisionBodyName),
        (nameof(DecisionParagraph), DecisionParagraph), (nameof(DecisionSummary), DecisionSummary),
    ];
}
