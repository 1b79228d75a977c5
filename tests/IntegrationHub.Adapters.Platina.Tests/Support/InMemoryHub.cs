using System.Collections.Concurrent;
using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Tests.Support;

/// <summary>
/// The hub as the adapter sees it, in memory: a content store, case snapshots, and an intake that drops duplicates by
/// source and id as the real one does (the real ones run against the hub's database in the hub's tests).
/// </summary>
internal sealed class InMemoryHub : IContentStore, ICaseLookup, ICaseEventIntake
{
    private readonly Lock _lock = new();
    private readonly List<CaseEvent> _submitted = [];

    public ConcurrentDictionary<string, ContentBlob> Contents { get; } = new();

    public ConcurrentDictionary<Guid, CaseSnapshot> Snapshots { get; } = new();

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

    public int SubmitCalls { get; private set; }

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
            SubmitCalls++;
            var accepted = new List<AcceptedEvent>();
            foreach (var e in events)
            {
                var duplicate = _submitted.Exists(s => s.Source == e.Source && s.Id == e.Id);
                if (!duplicate)
                {
                    _submitted.Add(e);
                    Link(e);
                }

                accepted.Add(new AcceptedEvent(e.Source, e.Id, _submitted.Count, duplicate));
            }

            return Task.FromResult(new IntakeReceipt(accepted));
        }
    }

    // As the hub does: an event naming the hub case and another system's id adds that id to the case.
    private void Link(CaseEvent e)
    {
        if (e.Data.Case.HubCaseId is { } id && Snapshots.TryGetValue(id, out var snapshot)
            && !snapshot.SourceIds.Any(s => s.SourceSystem == e.Data.Case.SourceSystem && s.SourceCaseId == e.Data.Case.SourceCaseId))
        {
            Snapshots[id] = snapshot with { SourceIds = [.. snapshot.SourceIds, new SourceCaseRef(e.Data.Case.SourceSystem, e.Data.Case.SourceCaseId)] };
        }
    }
}
