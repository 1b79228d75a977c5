using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.Fgs.Tests;

/// <summary>The hub's content store, in memory: content under its SHA-256.</summary>
internal sealed class InMemoryContentStore : IContentStore
{
    public ConcurrentDictionary<string, ContentBlob> Contents { get; } = new(StringComparer.Ordinal);

    public Task<StoredContent> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        Contents.TryAdd(sha, new ContentBlob(sha, mediaType, content.ToArray()));
        return Task.FromResult(new StoredContent(sha, content.Length, $"/api/v1/content/{sha}"));
    }

    public Task<ContentBlob?> GetAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Contents.TryGetValue(sha256, out var blob) ? blob : null);
}
