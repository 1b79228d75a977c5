using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>
/// A token issuer for tests: an RSA key whose public half is published as a JWKS (file, or an OpenID Connect
/// discovery document on a loopback WireMock server standing in for the municipality's sign-in service).
/// </summary>
public sealed class TokenIssuer : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private WireMockServer? _server;

    public TokenIssuer(string keyId)
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    /// <summary>The issuer (<c>iss</c>): the WireMock address once <see cref="ServeDiscovery"/> ran, else a fixed name.</summary>
    public string Issuer { get; private set; } = "https://mina-sidor.sundsvall.example/tokens";

    /// <summary>The public key set as JSON.</summary>
    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
    }

    /// <summary>Writes the key set to a file and returns its path.</summary>
    public string WriteJwksFile(string folder)
    {
        var path = Path.Combine(folder, $"{_key.KeyId}.jwks.json");
        File.WriteAllText(path, Jwks());
        return path;
    }

    /// <summary>Publishes discovery and keys at a loopback address, which becomes the issuer.</summary>
    public string ServeDiscovery()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        Issuer = _server.Url!;
        _server.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody(JsonSerializer.Serialize(new { issuer = Issuer, jwks_uri = $"{Issuer}/jwks", id_token_signing_alg_values_supported = new[] { "RS256" } })));
        _server.Given(Request.Create().WithPath("/jwks").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Jwks()));
        return Issuer;
    }

    /// <summary>A signed token with the given claims, issued at <paramref name="issuedAt"/> and valid for <paramref name="lifetime"/>.</summary>
    public string Mint(string audience, DateTimeOffset issuedAt, TimeSpan lifetime, IDictionary<string, object> claims, string? issuer = null, RSA? signWith = null)
    {
        var key = signWith is null ? _key : new RsaSecurityKey(signWith) { KeyId = _key.KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        _server?.Stop();
        _server?.Dispose();
        _rsa.Dispose();
    }
}
