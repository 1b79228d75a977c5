using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>Whether a document came in, was drawn up or was sent: its StatusHandling, else which of its dates is set.</summary>
internal static class DocumentDirections
{
    public static DocumentDirection Of(FgsDocument document) => document.Status switch
    {
        FgsDocumentStatus.Received => DocumentDirection.Incoming,
        FgsDocumentStatus.Sent => DocumentDirection.Sent,
        FgsDocumentStatus.DrawnUp or FgsDocumentStatus.Initiated or FgsDocumentStatus.InProgress => DocumentDirection.DrawnUp,
        _ when document.Sent is not null => DocumentDirection.Sent,
        _ when document.Received is not null => DocumentDirection.Incoming,
        _ => DocumentDirection.DrawnUp,
    };

    /// <summary>The date matching the direction, else any date of the document.</summary>
    public static FgsDate? DateOf(FgsDocument document, DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => document.Received,
        DocumentDirection.Sent => document.Sent,
        _ => document.DrawnUp,
    } ?? document.Created ?? document.Received ?? document.DrawnUp ?? document.Sent;

    public static string Headline(DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => "En handling har kommit in",
        DocumentDirection.Sent => "En handling har skickats",
        _ => "En handling har upprättats",
    };
}
