using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Store.Adapters;

namespace IntegrationHub.Hub.Adapters;

/// <summary>Adapters' durable state on the hub's database, with the hub's clock.</summary>
public sealed class HubAdapterState(IAdapterStateStore store, TimeProvider timeProvider) : IAdapterState
{
    /// <inheritdoc />
    public Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken) => store.GetAsync(scope, key, cancellationToken);

    /// <inheritdoc />
    public Task SetAsync(string scope, string key, string value, CancellationToken cancellationToken) =>
        store.SetAsync(scope, key, value, timeProvider.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryClaimWindowAsync(string scope, string key, string claimant, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
        store.TryClaimWindowAsync(scope, key, claimant, now, window, cancellationToken);
}
