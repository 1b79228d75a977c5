using System.Security.Claims;
using System.Text.Encodings.Web;
using IntegrationHub.Store.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IntegrationHub.Hub.Security.ApiKeys;

/// <summary>
/// Authenticates systems by API key: <c>X-Api-Key: ihub_…</c>, or <c>Authorization: ApiKey ihub_…</c>
/// (or <c>Bearer ihub_…</c>). A revoked, expired or unknown key fails; a rotated key's previous
/// secret works until its grace period ends. The reason is logged (never the key), the caller only
/// learns that the key was not accepted.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IApiKeyStore keys, TimeProvider timeProvider)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header systems put their key in.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>True when the request presents something that looks like one of our keys.</summary>
    public static bool Presents(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(HeaderName) || FromAuthorization(request) is not null;
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].FirstOrDefault() ?? FromAuthorization(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyFormat.TryParse(presented.Trim(), out var id, out var secret))
        {
            LogRefused(Logger, "(malformed)", "the value is not an ihub_ key");
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var key = await keys.GetAsync(id, Context.RequestAborted);
        var now = timeProvider.GetUtcNow();
        var reason = key switch
        {
            null => "unknown key id",
            { RevokedAt: not null } => "revoked",
            { ExpiresAt: { } expires } when expires <= now => "expired",
            _ when ApiKeyFormat.Matches(secret, key.SecretHash) => null,
            { PreviousSecretValidUntil: { } until } when until > now && ApiKeyFormat.Matches(secret, key.PreviousSecretHash) => null,
            _ => "wrong secret",
        };
        if (reason is not null)
        {
            LogRefused(Logger, id, reason);
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var caller = new HubCaller($"key:{key!.Id}", key.Name, [key.Municipality], key.Scopes, key.Sources, key.ClassificationCeiling);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), SchemeName, HubClaims.ActorName, null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} realm=\"IntegrationHub\"";
        return base.HandleChallengeAsync(properties);
    }

    private static string? FromAuthorization(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var value = request.Headers.Authorization.FirstOrDefault();
        return value switch
        {
            not null when value.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) => value[7..],
            not null when value.StartsWith("Bearer " + ApiKeyFormat.Prefix, StringComparison.OrdinalIgnoreCase) => value[7..],
            _ => null,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {KeyId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string keyId, string reason);
}
