using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.EServices.Tests.Push.Support;

/// <summary>The hub's content store in memory, counting every put so a test sees that a refusal stored nothing.</summary>
internal sealed class CountingContentStore : IContentStore
{
    private int _puts;

    public ConcurrentDictionary<string, ContentBlob> Contents { get; } = new();

    public int Puts => _puts;

    public Task<StoredContent> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _puts);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        Contents.TryAdd(sha, new ContentBlob(sha, mediaType, content.ToArray()));
        return Task.FromResult(new StoredContent(sha, content.Length, $"/api/v1/contents/{sha}"));
    }

    public Task<ContentBlob?> GetAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Contents.TryGetValue(sha256, out var blob) ? blob : null);
}
