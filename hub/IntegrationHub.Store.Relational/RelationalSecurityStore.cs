using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dapper;
using IntegrationHub.Store.Security;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// The API keys (hashes only) and the append-only audit log, for both databases. A provider supplies
/// its connections and table names; the database itself refuses any change of an audit entry.
/// </summary>
public abstract class RelationalSecurityStore : IApiKeyStore, IAuditTrail
{
    private const string KeyColumns =
        "id, name, municipality, scopes, sources, classification_ceiling, secret_hash, previous_secret_hash, previous_secret_valid_until, " +
        "expires_at, revoked_at, created_by, created_at, rotated_at";

    private const string AuditColumns = "id, at, municipality, actor, actor_name, action, resource_type, resource, count, client_address, trace_id, status";

    /// <summary>The most entries one query returns.</summary>
    private const int MaxAuditLimit = 1000;

    private readonly IStoreTypes _types;

    private protected RelationalSecurityStore(IStoreTypes types) => _types = types;

    /// <summary>Opens a connection with the provider's settings.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A table's name as SQL (schema-qualified where the provider has schemas).</summary>
    private protected abstract string Table(string name);

    /// <inheritdoc />
    public async Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        // A taken id inserts nothing: the row count answers, no unique violation is raised (or to be caught) in either database.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Table("api_keys")} ({KeyColumns})
            VALUES (@Id, @Name, @Municipality, @Scopes, @Sources, @Ceiling, @SecretHash, @PreviousSecretHash, @PreviousSecretValidUntil,
                @ExpiresAt, @RevokedAt, @CreatedBy, @CreatedAt, @RotatedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                key.Id,
                key.Name,
                key.Municipality,
                Scopes = JsonSerializer.Serialize(key.Scopes),
                Sources = JsonSerializer.Serialize(key.Sources),
                Ceiling = _types.Classification(key.ClassificationCeiling),
                key.SecretHash,
                key.PreviousSecretHash,
                PreviousSecretValidUntil = NullableTimestamp(key.PreviousSecretValidUntil),
                ExpiresAt = NullableTimestamp(key.ExpiresAt),
                RevokedAt = NullableTimestamp(key.RevokedAt),
                key.CreatedBy,
                CreatedAt = _types.Timestamp(key.CreatedAt),
                RotatedAt = _types.Timestamp(key.RotatedAt),
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var found = await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {KeyColumns} FROM {Table("api_keys")} WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken),
            _types, ReadKey, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? municipality, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var where = municipality is null ? string.Empty : " WHERE municipality = @Municipality";
        return await connection.QueryRowsAsync(new CommandDefinition(
            $"SELECT {KeyColumns} FROM {Table("api_keys")}{where} ORDER BY created_at, id",
            new { Municipality = municipality }, cancellationToken: cancellationToken), _types, ReadKey, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT CASE WHEN EXISTS (SELECT 1 FROM {Table("api_keys")}) THEN 1 ELSE 0 END", cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> RotateAsync(
        string id, string newSecretHash, DateTimeOffset rotatedAt, DateTimeOffset? previousValidUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newSecretHash);
        await using var connection = await OpenAsync(cancellationToken);
        // One statement: the right-hand sides read the row as it was, so secret_hash is the old hash there.
        var rotated = await connection.QueryRowsAsync(new CommandDefinition(
            $"""
            UPDATE {Table("api_keys")} SET
                previous_secret_hash = CASE WHEN @Grace THEN secret_hash ELSE NULL END,
                previous_secret_valid_until = @ValidUntil,
                secret_hash = @SecretHash,
                rotated_at = @RotatedAt
            WHERE id = @Id AND revoked_at IS NULL
            RETURNING {KeyColumns}
            """,
            new
            {
                Id = id,
                Grace = previousValidUntil is not null,
                ValidUntil = NullableTimestamp(previousValidUntil),
                SecretHash = newSecretHash,
                RotatedAt = _types.Timestamp(rotatedAt),
            },
            cancellationToken: cancellationToken), _types, ReadKey, cancellationToken);
        return rotated.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> RevokeAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // COALESCE keeps the first revocation time, and still returns the row of a key revoked before.
        var revoked = await connection.QueryRowsAsync(new CommandDefinition(
            $"UPDATE {Table("api_keys")} SET revoked_at = COALESCE(revoked_at, @RevokedAt) WHERE id = @Id RETURNING {KeyColumns}",
            new { Id = id, RevokedAt = _types.Timestamp(revokedAt) }, cancellationToken: cancellationToken), _types, ReadKey, cancellationToken);
        return revoked.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            INSERT INTO {Table("audit_log")} (at, municipality, actor, actor_name, action, resource_type, resource, count, client_address, trace_id, status)
            VALUES (@At, @Municipality, @Actor, @ActorName, @Action, @ResourceType, @Resource, @Count, @ClientAddress, @TraceId, @Status)
            RETURNING id
            """,
            new
            {
                At = _types.Timestamp(entry.At),
                entry.Municipality,
                entry.Actor,
                entry.ActorName,
                entry.Action,
                entry.ResourceType,
                entry.Resource,
                entry.Count,
                entry.ClientAddress,
                entry.TraceId,
                entry.Status,
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Only the criteria given become SQL: no "@x IS NULL OR …" that hides the indexes (or leaves PostgreSQL a parameter without a type).
        var criteria = new List<string>();
        var parameters = new DynamicParameters();
        void Criterion(string sql, string name, object? value)
        {
            if (value is not null)
            {
                criteria.Add(sql);
                parameters.Add(name, value);
            }
        }

        Criterion("municipality = @Municipality", "Municipality", query.Municipality);
        Criterion("actor = @Actor", "Actor", query.Actor);
        Criterion("action = @Action", "Action", query.Action);
        Criterion("resource = @Resource", "Resource", query.Resource);
        Criterion("at >= @From", "From", NullableTimestamp(query.From));
        Criterion("at < @To", "To", NullableTimestamp(query.To));
        Criterion("id < @BeforeId", "BeforeId", query.BeforeId);
        parameters.Add("Limit", Math.Clamp(query.Limit, 1, MaxAuditLimit));

        var sql = new StringBuilder($"SELECT {AuditColumns} FROM {Table("audit_log")}");
        if (criteria.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", criteria);
        }

        sql.Append(" ORDER BY id DESC LIMIT @Limit");
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken),
            _types, ReadAuditEntry, cancellationToken);
    }

    private object? NullableTimestamp(DateTimeOffset? value) => value is { } at ? _types.Timestamp(at) : null;

    private static ApiKeyRecord ReadKey(RelationalRow row) => new()
    {
        Id = row.Text("id"),
        Name = row.Text("name"),
        Municipality = row.Text("municipality"),
        Scopes = ReadList(row.Text("scopes")),
        Sources = ReadList(row.Text("sources")),
        ClassificationCeiling = row.Classification("classification_ceiling"),
        SecretHash = row.Text("secret_hash"),
        PreviousSecretHash = row.NullableText("previous_secret_hash"),
        PreviousSecretValidUntil = row.NullableTimestamp("previous_secret_valid_until"),
        ExpiresAt = row.NullableTimestamp("expires_at"),
        RevokedAt = row.NullableTimestamp("revoked_at"),
        CreatedBy = row.Text("created_by"),
        CreatedAt = row.Timestamp("created_at"),
        RotatedAt = row.Timestamp("rotated_at"),
    };

    private static string[] ReadList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static AuditEntry ReadAuditEntry(RelationalRow row) => new()
    {
        Id = row.Long("id"),
        At = row.Timestamp("at"),
        Municipality = row.Text("municipality"),
        Actor = row.Text("actor"),
        ActorName = row.NullableText("actor_name"),
        Action = row.Text("action"),
        ResourceType = row.Text("resource_type"),
        Resource = row.NullableText("resource"),
        Count = row.NullableInt("count"),
        ClientAddress = row.NullableText("client_address"),
        TraceId = row.NullableText("trace_id"),
        Status = row.Int("status"),
    };
}
