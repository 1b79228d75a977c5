namespace IntegrationHub.Canonical.Model;

/// <summary>A document (handling) registered on the case.</summary>
public sealed record Document
{
    /// <summary>The source's id for the document.</summary>
    public string? DocumentId { get; init; }
    /// <summary>Inkommen, upprättad or expedierad.</summary>
    public required DocumentDirection Direction { get; init; }
    /// <summary>Rubrik.</summary>
    public required string Title { get; init; }
    /// <summary>Handlingstyp.</summary>
    public string? DocumentType { get; init; }
    /// <summary>Date received, drawn up or sent.</summary>
    public required DateTimeOffset Date { get; init; }
    /// <summary>Avsändare.</summary>
    public Correspondent? Sender { get; init; }
    /// <summary>Mottagare.</summary>
    public IReadOnlyList<Correspondent>? Recipients { get; init; }
    /// <summary>Löpnummer within the case.</summary>
    public int? RunningNumber { get; init; }
    /// <summary>Bilagor.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>Without title, sender and recipients, which may be personal data.</summary>
    public override string ToString() => $"Document {{ Direction = {Direction}, Date = {Date:O}, RunningNumber = {RunningNumber} }}";
}
