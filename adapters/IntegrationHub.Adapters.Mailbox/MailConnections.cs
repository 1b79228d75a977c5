using System.Net.Http.Json;
using System.Text.Json.Serialization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>Connects and authenticates IMAP and SMTP clients as a mailbox's settings say (password or XOAUTH2).</summary>
internal sealed class MailConnections(IHttpClientFactory httpClients, TimeProvider timeProvider) : IDisposable
{
    /// <summary>The named HTTP client for token endpoints.</summary>
    public const string TokenClient = "ihub-mailbox-oauth2";

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private readonly Dictionary<string, (string Token, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    public async Task ConnectAsync(IMailService client, MailServerOptions server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        client.Timeout = server.TimeoutSeconds * 1000;
        await client.ConnectAsync(server.Host!, server.Port, Options(server), cancellationToken);
        if (string.IsNullOrEmpty(server.Username))
        {
            return;
        }

        if (server.OAuth2 is { } oauth)
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(server.Username, await TokenAsync(oauth, cancellationToken)), cancellationToken);
        }
        else
        {
            await client.AuthenticateAsync(server.Username, Secret(server.Password, server.PasswordFile) ?? string.Empty, cancellationToken);
        }
    }

    /// <summary>Forgets a cached token (after the server refused it).</summary>
    public void Invalidate(OAuth2Options oauth)
    {
        ArgumentNullException.ThrowIfNull(oauth);
        lock (_tokens)
        {
            _tokens.Remove(Key(oauth));
        }
    }

    public void Dispose() => _tokenLock.Dispose();

    public static ImapClient NewImapClient() => new();

    public static SmtpClient NewSmtpClient() => new();

    /// <summary>A secret given inline (from an environment variable) or in a file.</summary>
    public static string? Secret(string? value, string? file) =>
        !string.IsNullOrEmpty(value) ? value : file is { Length: > 0 } ? File.ReadAllText(file).TrimEnd('\r', '\n') : null;

    private static SecureSocketOptions Options(MailServerOptions server) => server.Security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };

    private async Task<string> TokenAsync(OAuth2Options oauth, CancellationToken cancellationToken)
    {
        var key = Key(oauth);
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            lock (_tokens)
            {
                if (_tokens.TryGetValue(key, out var cached) && cached.ExpiresAt > timeProvider.GetUtcNow())
                {
                    return cached.Token;
                }
            }

            using var http = httpClients.CreateClient(TokenClient);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = oauth.ClientId!,
                ["client_secret"] = Secret(oauth.ClientSecret, oauth.ClientSecretFile) ?? string.Empty,
                ["scope"] = oauth.Scope,
            });
            using var response = await http.PostAsync(oauth.TokenEndpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The body may echo the client id; the status says enough for an administrator.
                throw new AuthenticationException($"The OAuth2 token endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}; check the mailbox's OAuth2 ClientId, ClientSecret and Scope.");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new AuthenticationException("The OAuth2 token endpoint answered without a token.");
            if (string.IsNullOrEmpty(token.AccessToken))
            {
                throw new AuthenticationException("The OAuth2 token endpoint answered without an access_token.");
            }

            // Renew a minute before it expires.
            var expiresAt = timeProvider.GetUtcNow().AddSeconds(Math.Max(0, (token.ExpiresIn ?? 3600) - 60));
            lock (_tokens)
            {
                _tokens[key] = (token.AccessToken, expiresAt);
            }

            return token.AccessToken;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private static string Key(OAuth2Options oauth) => $"{oauth.TokenEndpoint}|{oauth.ClientId}|{oauth.Scope}";

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}
