namespace IntegrationHub.Adapters.Abstractions;

/// <summary>
/// Small durable state of an adapter, shared by every hub process: checkpoints (the last poll's position) and
/// rate windows. Keys are per <c>scope</c> (the adapter instance, e.g. "mailbox/kommunen"); never put personal data in a
/// key (hash it).
/// </summary>
public interface IAdapterState
{
    /// <summary>The stored value, or null.</summary>
    Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Stores the value (last write wins).</summary>
    Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims a window: true (and records <paramref name="claimant"/> at <paramref name="now"/>) when the key
    /// was never claimed, its last claim is at least <paramref name="window"/> old, or the claim is the same claimant's
    /// (so a retried attempt keeps its claim); false otherwise. Two processes claiming at once get one true.
    /// </summary>
    Task<bool> TryClaimWindowAsync(string scope, string key, string claimant, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
