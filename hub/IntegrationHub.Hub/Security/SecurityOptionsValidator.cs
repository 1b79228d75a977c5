using IntegrationHub.Hub.Security.ApiKeys;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>Checks <c>Hub:Security</c> at start, one sentence per problem naming the setting to fix.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string at = SecurityOptions.Section;
        if (options.BootstrapAdminKey is { Length: > 0 } key && !ApiKeyFormat.TryParse(key, out _, out _))
        {
            failures.Add($"{at}:BootstrapAdminKey (or {SecurityOptions.AdminKeyVariable}) is not an IntegrationHub key: it is ihub_, 12 lowercase letters or digits, _, and at least 32 base64url characters. Leave it empty to have the hub generate one.");
        }

        CheckOidc(options.Oidc, $"{at}:Oidc", failures);
        CheckCitizenTokens(options.CitizenTokens, $"{at}:CitizenTokens", failures);
        if (options.RateLimit.Permits is < 1 or > 1_000_000)
        {
            failures.Add($"{at}:RateLimit:Permits must be between 1 and 1000000.");
        }

        if (options.RateLimit.Period <= TimeSpan.Zero || options.RateLimit.Period > TimeSpan.FromDays(1))
        {
            failures.Add($"{at}:RateLimit:Period must be more than 0 and at most 1.00:00:00.");
        }

        if (options.RateLimit.Burst < options.RateLimit.Permits || options.RateLimit.Burst > 1_000_000)
        {
            failures.Add($"{at}:RateLimit:Burst must be at least Permits and at most 1000000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckOidc(OidcOptions oidc, string at, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(oidc.Authority))
        {
            return;
        }

        CheckAuthority(oidc.Authority, oidc.RequireHttpsMetadata, $"{at}:Authority", failures);
        if (string.IsNullOrWhiteSpace(oidc.Audience))
        {
            failures.Add($"{at}:Audience is required with an Authority: the client id or API identifier the issuer puts in the tokens' aud.");
        }

        if (string.IsNullOrWhiteSpace(oidc.Municipality) && string.IsNullOrWhiteSpace(oidc.MunicipalityClaim))
        {
            failures.Add($"{at}: give MunicipalityClaim (the claim with the person's kommunkod) or Municipality (one kommunkod for every person).");
        }

        if (oidc.Municipality is { Length: > 0 } fixedMunicipality && !Apis.QueryParameters.IsKommunkod(fixedMunicipality))
        {
            failures.Add($"{at}:Municipality '{fixedMunicipality}' is not a four-digit kommunkod.");
        }

        if (oidc.Roles.Count == 0)
        {
            failures.Add($"{at}:Roles is empty: map at least one role name of the issuer to scopes, e.g. {at}:Roles:ihub-registrator:Scopes:0 = registrator.");
        }

        foreach (var (role, grant) in oidc.Roles)
        {
            foreach (var scope in grant.Scopes.Where(s => !HubScopes.IsKnown(s)))
            {
                failures.Add($"{at}:Roles:{role}:Scopes: '{scope}' is not a scope; use {string.Join(", ", HubScopes.All)}.");
            }
        }
    }

    private static void CheckCitizenTokens(CitizenTokenOptions tokens, string at, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(tokens.Issuer))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(tokens.Audience))
        {
            failures.Add($"{at}:Audience is required with an Issuer.");
        }

        var hasAuthority = !string.IsNullOrWhiteSpace(tokens.Authority);
        var hasFile = !string.IsNullOrWhiteSpace(tokens.JwksFile);
        if (hasAuthority == hasFile)
        {
            failures.Add($"{at}: give exactly one of Authority (the portal's OpenID Connect address) and JwksFile (a file with its public keys).");
        }
        else if (hasAuthority)
        {
            CheckAuthority(tokens.Authority!, tokens.RequireHttpsMetadata, $"{at}:Authority", failures);
        }
        else if (CitizenTokenValidator.TryReadKeys(tokens.JwksFile!, out var error) is null)
        {
            failures.Add($"{at}:JwksFile: {error}");
        }

        if (tokens.MaxLifetime <= TimeSpan.Zero || tokens.MaxLifetime > TimeSpan.FromHours(12))
        {
            failures.Add($"{at}:MaxLifetime must be more than 0 and at most 12:00:00.");
        }
    }

    private static void CheckAuthority(string authority, bool requireHttps, string at, List<string> failures)
    {
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"{at} '{authority}' is not an absolute http(s) address.");
        }
        else if (requireHttps && uri.Scheme != "https")
        {
            failures.Add($"{at} must be https:// (set RequireHttpsMetadata to false only for a test issuer).");
        }
    }
}
