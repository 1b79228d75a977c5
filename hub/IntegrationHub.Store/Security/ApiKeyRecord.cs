using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Security;

/// <summary>
/// A system's API key as stored: never the secret itself, only its SHA-256 hash. The public
/// <see cref="Id"/> is the first part of the key a system presents (<c>ihub_{id}_{secret}</c>).
/// </summary>
public sealed record ApiKeyRecord
{
    /// <summary>Public key id (12 lowercase letters and digits), unique.</summary>
    public required string Id { get; init; }

    /// <summary>What the key is for, e.g. "Mina Sidor (produktion)"; shown in lists and the audit log.</summary>
    public required string Name { get; init; }

    /// <summary>The municipality (kommunkod) the key is bound to, or <c>*</c> for an installation-wide administrator key.</summary>
    public required string Municipality { get; init; }

    /// <summary>The scopes granted (see the hub's <c>HubScopes</c>).</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>For <c>events:write</c>: the source systems the key may submit as; empty = none.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The highest classification the key may read.</summary>
    public required DataClassification ClassificationCeiling { get; init; }

    /// <summary>Lowercase hex SHA-256 of the current secret.</summary>
    public required string SecretHash { get; init; }

    /// <summary>The previous secret's hash during a rotation's grace period, else null.</summary>
    public string? PreviousSecretHash { get; init; }

    /// <summary>Until when the previous secret is still accepted.</summary>
    public DateTimeOffset? PreviousSecretValidUntil { get; init; }

    /// <summary>When the key stops working by itself, or null.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the key was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Who created the key (a key id or a person's subject), for the audit log.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the key was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the secret was last set (created or rotated).</summary>
    public required DateTimeOffset RotatedAt { get; init; }
}
