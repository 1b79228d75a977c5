using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Store.Contents;

namespace IntegrationHub.Hub.Adapters;

/// <summary>Adapters' content store on the hub's database; served at <c>/api/v1/contents/{sha256}</c>.</summary>
public sealed class HubContentStore(IContentRepository repository, TimeProvider timeProvider) : IContentStore
{
    /// <summary>Where the hub serves content with this SHA-256.</summary>
    public static string ReferenceFor(string sha256) => $"/api/v1/contents/{sha256}";

    /// <inheritdoc />
    public async Task<StoredContent> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        await repository.PutAsync(sha256, mediaType, content, timeProvider.GetUtcNow(), cancellationToken);
        return new StoredContent(sha256, content.Length, ReferenceFor(sha256));
    }

    /// <inheritdoc />
    public async Task<ContentBlob?> GetAsync(string sha256, CancellationToken cancellationToken) =>
        await repository.GetAsync(sha256, cancellationToken) is { } found ? new ContentBlob(sha256, found.MediaType, found.Content) : null;
}
