using System.Collections.Concurrent;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>How one mailbox is doing in this process, for IT staff: connected, last check, last mail, last failure.</summary>
public sealed record MailboxStatus(
    string Name,
    string? Address,
    bool Connected,
    DateTimeOffset? LastConnectedAt,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? LastRegisteredAt,
    long Registered,
    long Duplicates,
    DateTimeOffset? LastFailureAt,
    string? LastFailure,
    int FailuresSinceSuccess);

/// <summary>The mailboxes' status in this process (each hub process watches its own connections).</summary>
public sealed class MailboxHealth
{
    private readonly ConcurrentDictionary<string, MailboxStatus> _status = new(StringComparer.Ordinal);

    /// <summary>Every configured mailbox's status, by name.</summary>
    public IReadOnlyList<MailboxStatus> Snapshot() => [.. _status.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    internal void Configured(string name, string? address) =>
        _status.TryAdd(name, new MailboxStatus(name, address, false, null, null, null, 0, 0, null, null, 0));

    internal void Connected(string name, DateTimeOffset at) =>
        Update(name, s => s with { Connected = true, LastConnectedAt = at });

    internal void Polled(string name, DateTimeOffset at) =>
        Update(name, s => s with { LastCheckedAt = at, FailuresSinceSuccess = 0 });

    internal void Registered(string name, DateTimeOffset at, bool duplicate) =>
        Update(name, s => s with { LastRegisteredAt = at, Registered = s.Registered + (duplicate ? 0 : 1), Duplicates = s.Duplicates + (duplicate ? 1 : 0) });

    internal void Failed(string name, DateTimeOffset at, string error) =>
        Update(name, s => s with { Connected = false, LastFailureAt = at, LastFailure = error, FailuresSinceSuccess = s.FailuresSinceSuccess + 1 });

    private void Update(string name, Func<MailboxStatus, MailboxStatus> change) =>
        _status.AddOrUpdate(name, _ => change(new MailboxStatus(name, null, false, null, null, null, 0, 0, null, null, 0)), (_, s) => change(s));
}
