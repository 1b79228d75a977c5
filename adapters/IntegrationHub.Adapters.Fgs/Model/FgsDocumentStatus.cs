namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>StatusHandling</c>: where a document (handling) is in its life.</summary>
public enum FgsDocumentStatus
{
    /// <summary>Initierad.</summary>
    Initiated,
    /// <summary>Under arbete.</summary>
    InProgress,
    /// <summary>Inkommen (received).</summary>
    Received,
    /// <summary>Upprättad (drawn up, finalised).</summary>
    DrawnUp,
    /// <summary>Expedierad (sent).</summary>
    Sent,
}
