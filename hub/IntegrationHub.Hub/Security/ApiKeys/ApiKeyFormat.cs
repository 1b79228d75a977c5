using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Hub.Security.ApiKeys;

/// <summary>
/// The hub's API keys: <c>ihub_{id}_{secret}</c>, a 12-character public id (lowercase letters and
/// digits) and 32 random bytes as base64url. Only the secret's SHA-256 is stored: with 256 bits of
/// randomness a slow password hash adds nothing, and a fast one keeps every request cheap.
/// </summary>
public static class ApiKeyFormat
{
    /// <summary>Every key starts with this, so secret scanners (and people) recognise one.</summary>
    public const string Prefix = "ihub_";

    /// <summary>Length of the public id.</summary>
    public const int IdLength = 12;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new random id.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    /// <summary>A new random secret (43 base64url characters).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key a system presents.</summary>
    public static string Compose(string id, string secret) => $"{Prefix}{id}_{secret}";

    /// <summary>Splits a presented key; false when it is not in the hub's format.</summary>
    public static bool TryParse(string? presented, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (presented is null || presented.Length < Prefix.Length + IdLength + 2 || presented.Length > 200
            || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var candidateId = presented.Substring(Prefix.Length, IdLength);
        var candidateSecret = presented[(Prefix.Length + IdLength + 1)..];
        if (!candidateId.All(IdAlphabet.Contains) || candidateSecret.Length < 32 || !candidateSecret.All(IsBase64UrlChar))
        {
            return false;
        }

        (id, secret) = (candidateId, candidateSecret);
        return true;
    }

    /// <summary>Lowercase hex SHA-256 of a secret.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
