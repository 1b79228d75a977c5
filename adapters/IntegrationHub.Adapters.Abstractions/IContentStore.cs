namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// The hub's content-addressed store for documents' files (mail bodies, attachments, PDFs). Content is kept under its
/// SHA-256, so storing the same bytes twice stores them once; stored content survives restarts and is served by the
/// hub at <see cref="StoredContent.Reference"/>. Store the files first, then submit the events that reference them.
/// </summary>
public interface IContentStore
{
    /// <summary>Stores the bytes (idempotent) and says where the hub serves them.</summary>
    Task<StoredContent> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken);

    /// <summary>The content with that SHA-256 (lowercase hex), or null when none is stored.</summary>
    Task<ContentBlob?> GetAsync(string sha256, CancellationToken cancellationToken);
}

/// <summary>Where stored content lives.</summary>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Reference">The URI reference the hub serves it at, for <c>attachment.reference</c>.</param>
public sealed record StoredContent(string Sha256, long Size, string Reference);

/// <summary>Stored bytes with their media type.</summary>
public sealed record ContentBlob(string Sha256, string MediaType, ReadOnlyMemory<byte> Content);
