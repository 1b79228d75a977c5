using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.Mailbox.Tests.Registration;

/// <summary>
/// The two things the registrar asks of the hub, held in memory for unit tests of the mapping (the real ones run
/// against the hub's database in the hub's tests).
/// </summary>
internal sealed class InMemoryHub : IContentStore, ICaseLookup
{
    public ConcurrentDictionary<string, ContentBlob> Contents { get; } = new();

    public Dictionary<string, Guid> Diarienummer { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<Guid> Cases { get; } = [];

    public Task<StoredContent> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        Contents.TryAdd(sha, new ContentBlob(sha, mediaType, content.ToArray()));
        return Task.FromResult(new StoredContent(sha, content.Length, $"/api/v1/contents/{sha}"));
    }

    public Task<ContentBlob?> GetAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Contents.TryGetValue(sha256, out var blob) ? blob : null);

    public Task<Guid?> FindByDiarienummerAsync(string municipality, string diarienummer, CancellationToken cancellationToken) =>
        Task.FromResult(municipality == "2281" && Diarienummer.TryGetValue(diarienummer, out var id) ? id : (Guid?)null);

    public Task<Guid?> ResolveAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken) =>
        Task.FromResult(municipality == "2281" && Cases.Contains(hubCaseId) ? hubCaseId : (Guid?)null);

    // The mailbox adapter never hands a whole case on; the hub's implementation is tested in Hub.Tests.
    public Task<CaseSnapshot?> GetSnapshotAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken) =>
        Task.FromResult<CaseSnapshot?>(null);
}
