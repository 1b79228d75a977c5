namespace IntegrationHub.Store.Adapters;

/// <summary>Adapters' small durable state (checkpoints, rate windows), shared by every hub process.</summary>
public interface IAdapterStateStore
{
    /// <summary>The value, or null.</summary>
    Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Stores the value.</summary>
    Task SetAsync(string scope, string key, string value, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True (recording <paramref name="now"/>) when the key is unclaimed or its claim is at least <paramref name="window"/> old; atomic.</summary>
    Task<bool> TryClaimWindowAsync(string scope, string key, string claimant, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
