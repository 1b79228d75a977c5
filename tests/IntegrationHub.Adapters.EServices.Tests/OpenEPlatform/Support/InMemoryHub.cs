using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;

/// <summary>
/// The hub as the adapter sees it, in memory: a content store, case snapshots, an intake that drops duplicates by
/// source and id, and adapter state (the real ones run against the hub's database in the hub's tests).
/// </summary>
internal sealed class InMemoryHub : IContentStore, ICaseLookup, ICaseEventIntake, IAdapterState
{
    private readonly Lock _lock = new();
    private readonly List<CaseEvent> _submitted = [];

    public ConcurrentDictionary<string, ContentBlob> Contents { get; } = new();

    public ConcurrentDictionary<Guid, CaseSnapshot> Snapshots { get; } = new();

    public ConcurrentDictionary<string, string> State { get; } = new();

    public IReadOnlyList<CaseEvent> Submitted
    {
        get
        {
            lock (_lock)
            {
                return [.. _submitted];
            }
        }
    }

    public Task<StoredContent> PutAsync(ReadOnlyMemory<byte> content, string mediaType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        Contents.TryAdd(sha, new ContentBlob(sha, mediaType, content.ToArray()));
        return Task.FromResult(new StoredContent(sha, content.Length, $"/api/v1/contents/{sha}"));
    }

    public Task<ContentBlob?> GetAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Contents.TryGetValue(sha256, out var blob) ? blob : null);

    public Task<Guid?> FindByDiarienummerAsync(string municipality, string diarienummer, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshots.Values.FirstOrDefault(s => s.Municipality == municipality && s.Diarienummer == diarienummer)?.CaseId);

    public Task<Guid?> ResolveAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshots.TryGetValue(hubCaseId, out var s) && s.Municipality == municipality ? hubCaseId : (Guid?)null);

    public Task<CaseSnapshot?> GetSnapshotAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshots.TryGetValue(hubCaseId, out var s) && s.Municipality == municipality ? s : null);

    public Task<IntakeReceipt> SubmitAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var accepted = new List<AcceptedEvent>();
            foreach (var e in events)
            {
                var duplicate = _submitted.Exists(s => s.Source == e.Source && s.Id == e.Id);
                if (!duplicate)
                {
                    _submitted.Add(e);
                }

                accepted.Add(new AcceptedEvent(e.Source, e.Id, _submitted.Count, duplicate));
            }

            return Task.FromResult(new IntakeReceipt(accepted));
        }
    }

    Task<string?> IAdapterState.GetAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult(State.TryGetValue($"{scope}|{key}", out var value) ? value : null);

    public Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken)
    {
        State[$"{scope}|{key}"] = value;
        return Task.CompletedTask;
    }

    public Task<bool> TryClaimWindowAsync(string scope, string key, string claimant, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    /// <summary>A hub case that came from Open ePlatform (and, optionally, is handled in another system too).</summary>
    public Guid AddCase(string flowInstanceId, params SourceCaseRef[] others)
    {
        var id = Guid.NewGuid();
        Snapshots[id] = new CaseSnapshot(id, "2281", [new SourceCaseRef("open-eplatform", flowInstanceId), .. others], "Ansökan om bygglov", "bygglov",
            "SBN 2026/1187", "Öppet", new DateTimeOffset(2026, 3, 2, 9, 14, 7, TimeSpan.FromHours(1)), DataClassification.Confidential, [], []);
        return id;
    }
}
