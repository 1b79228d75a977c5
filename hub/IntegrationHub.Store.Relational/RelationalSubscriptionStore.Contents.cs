using Dapper;
using IntegrationHub.Store.Adapters;
using IntegrationHub.Store.Contents;

namespace IntegrationHub.Store.Relational;

/// <summary>Content-addressed files and adapters' small durable state.</summary>
public abstract partial class RelationalSubscriptionStore : IContentRepository, IAdapterStateStore
{
    /// <inheritdoc />
    public async Task PutAsync(string sha256, string mediaType, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Content-addressed: a second put of the same bytes has nothing to add.
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {Table("contents")} (sha256, media_type, size, data, stored_at) VALUES (@Sha256, @MediaType, @Size, @Data, @At) ON CONFLICT (sha256) DO NOTHING",
            new { Sha256 = sha256, MediaType = mediaType, Size = (long)content.Length, Data = content.ToArray(), At = _types.Timestamp(at) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<(string MediaType, byte[] Content)?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<(string, byte[])>(new CommandDefinition(
            $"SELECT media_type, data FROM {Table("contents")} WHERE sha256 = @Sha256", new { Sha256 = sha256 }, cancellationToken: cancellationToken));
        return found.Select(f => ((string, byte[])?)f).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT value FROM {Table("adapter_state")} WHERE scope = @Scope AND key = @Key", new { Scope = scope, Key = key }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task SetAsync(string scope, string key, string value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Table("adapter_state")} (scope, key, value, updated_at) VALUES (@Scope, @Key, @Value, @At)
            ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            new { Scope = scope, Key = key, Value = value, At = _types.Timestamp(at) }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimWindowAsync(string scope, string key, string claimant, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // One statement: the row is inserted, or updated only when its claim has expired; the row count says who won.
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Table("adapter_state")} AS s (scope, key, value, updated_at) VALUES (@Scope, @Key, @Claimant, @At)
            ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            WHERE s.updated_at <= @Expired OR s.value = excluded.value
            """,
            new { Scope = scope, Key = key, Claimant = claimant, At = _types.Timestamp(now), Expired = _types.Timestamp(now - window) }, cancellationToken: cancellationToken));
        return claimed > 0;
    }
}
