using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>
/// How webhook requests are signed, following the Standard Webhooks scheme (standardwebhooks.com) so that consumers can
/// use an existing library in their language: HMAC-SHA256 with the subscription's secret over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>webhook-signature: v1,{base64}</c>.
/// The timestamp (Unix seconds) lets a consumer refuse replays of old requests.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The request's id: the CloudEvent id, the same on every retry (the consumer's idempotency key).</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>When the request was signed, in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,{base64 signature}</c> entries (several while a secret is being rotated).</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>Every secret starts with this, then the base64 of the 32-byte key.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>A new random secret.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a string is a secret in our format.</summary>
    public static bool IsValidSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> key = stackalloc byte[64];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var written) && written >= 24;
    }

    /// <summary>The <c>webhook-signature</c> value for a request.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(id);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>
    /// Checks a request as a consumer should: the signature matches (in constant time) and the timestamp is within
    /// <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string id, string timestamp, string signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, seconds, body));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)))
            {
                return true;
            }
        }

        return false;
    }
}
