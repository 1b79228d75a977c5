namespace IntegrationHub.Store.Security;

/// <summary>The hub's API keys (hashes only). Implemented for SQLite and PostgreSQL; both pass the same contract suite.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; false when the id is taken.</summary>
    Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>One key by id (revoked ones included), or null.</summary>
    Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Keys bound to a municipality, or every key when <paramref name="municipality"/> is null; by creation time.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? municipality, CancellationToken cancellationToken);

    /// <summary>True when at least one key exists (revoked or not): the first start creates the first administrator key only on an empty table.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the secret hash: the old hash becomes <see cref="ApiKeyRecord.PreviousSecretHash"/> valid until
    /// <paramref name="previousValidUntil"/> (null: not at all). Null when the key does not exist or is revoked.
    /// </summary>
    Task<ApiKeyRecord?> RotateAsync(string id, string newSecretHash, DateTimeOffset rotatedAt, DateTimeOffset? previousValidUntil, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked (idempotent: the first revocation time stays). Null when the key does not exist.</summary>
    Task<ApiKeyRecord?> RevokeAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
