using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace IntegrationHub.Adapters.EServices.Push.Security;

/// <summary>
/// Checks that a push comes from the platform: an HMAC-SHA256 signature of the raw body (with a timestamp header:
/// of <c>{timestamp}.{body}</c>, so the timestamp cannot be swapped) or an API key, compared in constant time.
/// Returns why it failed for the log only; the caller answers every failure alike.
/// </summary>
internal static class PushAuthenticator
{
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <returns>Null when the push is authentic, otherwise the reason (no secrets, no payload).</returns>
    public static string? Check(PushSubmissionOptions options, byte[] secret, ReadOnlySpan<byte> body, IReadOnlyDictionary<string, StringValues> headers, DateTimeOffset now) =>
        options.Authentication == PushAuthentication.ApiKey ? CheckApiKey(options, secret, headers) : CheckSignature(options, secret, body, headers, now);

    private static string? CheckApiKey(PushSubmissionOptions options, byte[] secret, IReadOnlyDictionary<string, StringValues> headers)
    {
        if (!headers.TryGetValue(options.ApiKeyHeader, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return $"no {options.ApiKeyHeader} header";
        }

        foreach (var value in values)
        {
            if (value is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value.Trim()), secret))
            {
                return null;
            }
        }

        return $"wrong key in {options.ApiKeyHeader}";
    }

    private static string? CheckSignature(PushSubmissionOptions options, byte[] secret, ReadOnlySpan<byte> body, IReadOnlyDictionary<string, StringValues> headers, DateTimeOffset now)
    {
        if (!headers.TryGetValue(options.SignatureHeader, out var signatures) || StringValues.IsNullOrEmpty(signatures))
        {
            return $"no {options.SignatureHeader} header";
        }

        string? timestamp = null;
        if (!string.IsNullOrEmpty(options.TimestampHeader))
        {
            if (!headers.TryGetValue(options.TimestampHeader, out var stamps) || string.IsNullOrWhiteSpace(stamps.ToString()))
            {
                return $"no {options.TimestampHeader} header";
            }

            timestamp = stamps[0]!.Trim();
        }

        var expected = Hmac(secret, timestamp, body);
        if (!signatures.Any(s => Matches(s, options.SignaturePrefix, expected)))
        {
            return $"wrong signature in {options.SignatureHeader}";
        }

        if (timestamp is null)
        {
            return null;
        }

        // Checked after the signature, so only the platform itself ever learns that its clock is off.
        return ParseTimestamp(timestamp) is not { } sent ? $"unreadable {options.TimestampHeader}"
            : (now - sent).Duration() > options.MaxClockSkew ? $"stale {options.TimestampHeader} (more than {options.MaxClockSkew} from the hub's clock)"
            : null;
    }

    private static byte[] Hmac(byte[] secret, string? timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        if (timestamp is not null)
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        }

        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool Matches(string? header, string prefix, byte[] expected)
    {
        var value = header?.Trim();
        if (value is null || !value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = value.AsSpan(prefix.Length);
        Span<byte> given = stackalloc byte[32];
        return hex.Length == 64
            && Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static DateTimeOffset? ParseTimestamp(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && HasOffset(text) ? parsed : null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
