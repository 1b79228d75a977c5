using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Security.ApiKeys;
using IntegrationHub.Store.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// The first administrator key. On a hub without any key, one is generated and printed once on the
/// console (never to the log). A key given as <c>IHUB_ADMIN_KEY</c> / <c>Hub:Security:BootstrapAdminKey</c>
/// is stored (hash only) when its id is unknown — also a way back in when every administrator key is lost —
/// and left alone when it was revoked.
/// </summary>
public static partial class BootstrapAdminKey
{
    /// <summary>The name the key gets.</summary>
    public const string Name = "Första administratörsnyckeln (bootstrap)";

    /// <summary>Creates the first key if needed; call after the store is migrated.</summary>
    public static async Task EnsureAsync(IServiceProvider services, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        var keys = services.GetRequiredService<IApiKeyStore>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BootstrapAdminKey));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var given = services.GetRequiredService<IOptions<SecurityOptions>>().Value.BootstrapAdminKey;
        if (string.IsNullOrWhiteSpace(given))
        {
            given = Environment.GetEnvironmentVariable(SecurityOptions.AdminKeyVariable);
        }

        if (!string.IsNullOrWhiteSpace(given))
        {
            if (!ApiKeyFormat.TryParse(given.Trim(), out var id, out var secret))
            {
                throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions),
                    [$"{SecurityOptions.AdminKeyVariable} is not an IntegrationHub key (ihub_, 12 lowercase letters or digits, _, at least 32 base64url characters)."]);
            }

            switch (await keys.GetAsync(id, cancellationToken))
            {
                case null:
                    await keys.CreateAsync(AdminKey(id, secret, now), cancellationToken);
                    LogCreated(logger, id);
                    break;
                case { RevokedAt: not null }:
                    LogRevoked(logger, id);
                    break;
            }

            return;
        }

        if (await keys.AnyAsync(cancellationToken))
        {
            return;
        }

        var newId = ApiKeyFormat.NewId();
        var newSecret = ApiKeyFormat.NewSecret();
        if (await keys.CreateAsync(AdminKey(newId, newSecret, now), cancellationToken))
        {
            LogCreated(logger, newId);
            await console.WriteLineAsync($"""

                ===========================================================================
                 IntegrationHub: the first administrator key (shown only this once):

                   {ApiKeyFormat.Compose(newId, newSecret)}

                 Keep it in a password manager. Use it as 'X-Api-Key: <key>' to create the
                 keys of your adapters and portals (POST /api/v1/keys), then revoke it or
                 keep it locked away. Set IHUB_ADMIN_KEY to choose it yourself instead.
                ===========================================================================

                """);
        }
    }

    private static ApiKeyRecord AdminKey(string id, string secret, DateTimeOffset now) => new()
    {
        Id = id,
        Name = Name,
        Municipality = HubClaims.AllMunicipalities,
        Scopes = [HubScopes.Admin],
        ClassificationCeiling = DataClassification.Restricted,
        SecretHash = ApiKeyFormat.Hash(secret),
        CreatedBy = "bootstrap",
        CreatedAt = now,
        RotatedAt = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator key {KeyId} (installation-wide)")]
    private static partial void LogCreated(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The administrator key {KeyId} given at start was revoked; it is not restored")]
    private static partial void LogRevoked(ILogger logger, string keyId);
}
