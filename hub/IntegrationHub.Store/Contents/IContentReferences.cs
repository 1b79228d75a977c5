using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Contents;

/// <summary>One stored event whose documents' attachments reference a content by its SHA-256.</summary>
public sealed record ContentReference(long EventSequence, string Municipality, DataClassification Classification, Guid? CaseId);

/// <summary>
/// Which events reference a content: a document's file may be read only by a caller who may see one of them
/// (municipality and classification). Kept as an index written with each event, for both databases.
/// </summary>
public interface IContentReferences
{
    /// <summary>The events referencing the content, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ContentReference>> FindAsync(string sha256, int limit, CancellationToken cancellationToken);
}
