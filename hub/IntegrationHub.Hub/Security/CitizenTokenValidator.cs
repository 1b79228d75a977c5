using System.Text.Json;
using IntegrationHub.Canonical.Validation;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationHub.Hub.Security;

/// <summary>The citizen a Mina Sidor portal asserted in a verified token: the person and the children they are guardian of.</summary>
public sealed record CitizenIdentity(string Personnummer, IReadOnlySet<string> GuardianOf)
{
    /// <summary>True when the citizen may see <paramref name="personnummer"/>'s timeline: their own, or a child's.</summary>
    public bool MayView(string personnummer) => personnummer == Personnummer || GuardianOf.Contains(personnummer);
}

/// <summary>
/// Verifies the <c>X-Citizen-Token</c> a Mina Sidor portal sends: a JWT signed by the portal's key
/// (from <c>Hub:Security:CitizenTokens</c>), for the hub's audience, short-lived, naming the
/// logged-in person's personnummer and the children they are guardian of.
/// </summary>
public sealed class CitizenTokenValidator
{
    /// <summary>The header the portal puts the token in.</summary>
    public const string HeaderName = "X-Citizen-Token";

    private readonly CitizenTokenOptions _options;
    private readonly TokenValidationParameters? _parameters;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Creates the validator from the options (checked at start by <see cref="SecurityOptionsValidator"/>).</summary>
    public CitizenTokenValidator(IOptions<SecurityOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.CitizenTokens;
        if (string.IsNullOrWhiteSpace(_options.Issuer))
        {
            return;
        }

        _parameters = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = TokenLifetime.Validator(timeProvider),
        };
        if (!string.IsNullOrWhiteSpace(_options.JwksFile))
        {
            _parameters.IssuerSigningKeys = TryReadKeys(_options.JwksFile, out _) ?? [];
        }
        else
        {
            _parameters.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                _options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = _options.RequireHttpsMetadata });
        }
    }

    /// <summary>True when citizen tokens are configured.</summary>
    public bool IsConfigured => _parameters is not null;

    /// <summary>The verified citizen, or the reason the token was refused (for the log; never the token).</summary>
    public async Task<(CitizenIdentity? Citizen, string? Refusal)> ValidateAsync(string? token)
    {
        if (_parameters is null)
        {
            return (null, "citizen tokens are not configured (Hub:Security:CitizenTokens)");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, $"no {HeaderName} header");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            return (null, result.Exception?.GetType().Name ?? "invalid token");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (jwt.TryGetPayloadValue<long>("iat", out var issuedAt) && jwt.ValidTo - DateTimeOffset.FromUnixTimeSeconds(issuedAt).UtcDateTime > _options.MaxLifetime)
        {
            return (null, "the token lives longer than MaxLifetime");
        }

        if (!jwt.TryGetPayloadValue<string>(_options.PersonnummerClaim, out var personnummer)
            || !SwedishIdentityNumbers.IsValidPersonnummer(personnummer) && !SwedishIdentityNumbers.IsValidSamordningsnummer(personnummer))
        {
            return (null, $"claim {_options.PersonnummerClaim} is missing or not a 12-digit personnummer");
        }

        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in jwt.Claims.Where(c => c.Type == _options.GuardianOfClaim))
        {
            children.UnionWith(ClaimValues(claim.Value));
        }

        return (new CitizenIdentity(personnummer, children), null);
    }

    /// <summary>The keys of a JSON Web Key Set file, or null with the reason.</summary>
    public static IList<SecurityKey>? TryReadKeys(string path, out string? error)
    {
        error = null;
        try
        {
            var keys = new JsonWebKeySet(File.ReadAllText(path)).GetSigningKeys();
            if (keys.Count == 0)
            {
                error = $"'{path}' holds no signing key.";
                return null;
            }

            return keys;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or JsonException)
        {
            error = $"'{path}' cannot be read as a JSON Web Key Set ({e.GetType().Name}). Give the portal's public keys as {{\"keys\":[…]}}.";
            return null;
        }
    }

    private static string[] ClaimValues(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
