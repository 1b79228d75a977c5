using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Security;

/// <summary>Authentication, roles, citizen tokens and rate limits (configuration section <c>Hub:Security</c>).</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Security";

    /// <summary>The environment variable that gives the first administrator key instead of a generated one.</summary>
    public const string AdminKeyVariable = "IHUB_ADMIN_KEY";

    /// <summary>
    /// The first administrator key (<c>ihub_…</c>), used only when the hub has no key yet. Give it through the
    /// environment (<c>IHUB_ADMIN_KEY</c> or <c>Hub__Security__BootstrapAdminKey</c>), never in a committed file.
    /// Without it the hub generates one on its first start and prints it once.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>People: an OpenID Connect issuer whose JWT bearer tokens the hub accepts. Off when <see cref="OidcOptions.Authority"/> is empty.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Mina Sidor: the issuer of the signed tokens in which a portal asserts the logged-in citizen.</summary>
    public CitizenTokenOptions CitizenTokens { get; set; } = new();

    /// <summary>Requests per caller (API key, person, or client address when anonymous).</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>An OpenID Connect issuer for people (registrators, contact-centre staff, administrators).</summary>
public sealed class OidcOptions
{
    /// <summary>The issuer's address; its <c>/.well-known/openid-configuration</c> gives the signing keys. Empty: people cannot sign in.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the tokens must be issued for (the hub's client id or API identifier).</summary>
    public string? Audience { get; set; }

    /// <summary>Only an https:// authority (turn off only for a test issuer on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim holding the person's role names (several values or one JSON array).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding the person's kommunkod; when absent, <see cref="Municipality"/> applies.</summary>
    public string MunicipalityClaim { get; set; } = "kommunkod";

    /// <summary>The municipality of every person of this issuer, when the tokens carry none.</summary>
    public string? Municipality { get; set; }

    /// <summary>The claim with the person's display name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Role name (as in <see cref="RoleClaim"/>) → what it grants. Roles not listed grant nothing.</summary>
    public Dictionary<string, RoleOptions> Roles { get; set; } = [];
}

/// <summary>What one role grants.</summary>
public sealed class RoleOptions
{
    /// <summary>Scopes (see <see cref="HubScopes"/>).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The highest classification people with the role may read (the highest of their roles applies).</summary>
    public DataClassification ClassificationCeiling { get; set; } = DataClassification.Public;
}

/// <summary>
/// The signed tokens (JWT) in which a Mina Sidor portal tells the hub who is logged in, sent as the
/// <c>X-Citizen-Token</c> header beside the portal's own API key.
/// </summary>
public sealed class CitizenTokenOptions
{
    /// <summary>The <c>iss</c> the tokens carry. Empty: the timeline:read scope cannot be used.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> the tokens carry.</summary>
    public string? Audience { get; set; }

    /// <summary>An OpenID Connect authority publishing the signing keys (one of this and <see cref="JwksFile"/>).</summary>
    public string? Authority { get; set; }

    /// <summary>Only an https:// authority.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A JSON Web Key Set file with the portal's public signing keys.</summary>
    public string? JwksFile { get; set; }

    /// <summary>The claim with the logged-in person's personnummer (12 digits).</summary>
    public string PersonnummerClaim { get; set; } = "personnummer";

    /// <summary>The claim listing the children the person is guardian (vårdnadshavare) of, as the portal looked it up.</summary>
    public string GuardianOfClaim { get; set; } = "guardian_of";

    /// <summary>Longest lifetime (exp − iat) accepted; a portal mints a fresh token per page view.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>A token bucket per caller: <see cref="Burst"/> requests at once, <see cref="Permits"/> more every <see cref="Period"/>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>False: no limit (not recommended).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a caller gets back every <see cref="Period"/>.</summary>
    public int Permits { get; set; } = 50;

    /// <summary>How often a caller gets <see cref="Permits"/> back.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests a caller may make at once after being idle.</summary>
    public int Burst { get; set; } = 200;
}
