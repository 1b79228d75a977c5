using System.Security.Claims;
using System.Text.Json;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// Turns a person's verified token (from the OpenID Connect issuer) into a <see cref="HubCaller"/>:
/// roles → scopes and ceiling by <c>Hub:Security:Oidc:Roles</c>, municipality from its claim or the
/// configured one. Roles that are not configured grant nothing.
/// </summary>
public static class PersonTokenMapping
{
    /// <summary>The caller the token's claims describe.</summary>
    public static HubCaller ToCaller(ClaimsPrincipal token, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(options);
        var subject = token.FindFirst("sub")?.Value ?? token.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";
        var roles = Values(token, options.RoleClaim).ToHashSet(StringComparer.Ordinal);
        var grants = options.Roles.Where(r => roles.Contains(r.Key)).Select(r => r.Value).ToList();
        // Installation-wide access is for API keys only: a person's token never carries "*".
        var municipalities = Values(token, options.MunicipalityClaim).Where(Apis.QueryParameters.IsKommunkod).ToList();
        if (municipalities.Count == 0 && options.Municipality is { Length: > 0 } configured)
        {
            municipalities.Add(configured);
        }

        return new HubCaller(
            $"user:{subject}",
            token.FindFirst(options.NameClaim)?.Value,
            municipalities,
            grants.SelectMany(g => g.Scopes).Distinct(StringComparer.Ordinal),
            [],
            grants.Count == 0 ? DataClassification.Public : grants.Max(g => g.ClassificationCeiling));
    }

    private static IEnumerable<string> Values(ClaimsPrincipal token, string claimType)
    {
        foreach (var claim in token.FindAll(claimType))
        {
            if (claim.Value.StartsWith('['))
            {
                string[]? values = null;
                try { values = JsonSerializer.Deserialize<string[]>(claim.Value); } catch (JsonException) { }
                foreach (var value in values ?? [])
                {
                    yield return value;
                }
            }
            else
            {
                yield return claim.Value;
            }
        }
    }
}
