using System.Text;
using MimeKit;
using MimeKit.Text;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// Turns the bytes of a text part into a string, also when the declared charset is missing, unknown or wrong
/// (a common case: "iso-8859-1" declared, UTF-8 sent, or the other way round).
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252, the de facto meaning of "iso-8859-1" in mail (it adds € and typographic quotes).</summary>
    public static Encoding Windows1252 { get; } = LoadWindows1252();

    /// <summary>The transfer-decoded bytes of a part (base64 / quoted-printable undone).</summary>
    public static byte[] ContentBytes(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        part.Content.DecodeTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The text of a text part, decoded with charset fallback and with format=flowed undone.</summary>
    public static string GetText(TextPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var text = Decode(ContentBytes(part), part.ContentType.Charset);
        if (part.IsFlowed)
        {
            var delsp = part.ContentType.Parameters.TryGetValue("delsp", out string? value)
                && string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase);
            text = new FlowedToText { DeleteSpace = delsp }.Convert(text);
        }

        return text;
    }

    /// <summary>Decodes <paramref name="bytes"/> declared as <paramref name="charset"/>, falling back sensibly.</summary>
    public static string Decode(byte[] bytes, string? charset)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ReadOnlySpan<byte> span = bytes;

        // A byte order mark wins over any declaration.
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(span[3..]);
        }

        if (span.Length >= 2 && span[0] == 0xFF && span[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(span[2..]);
        }

        if (span.Length >= 2 && span[0] == 0xFE && span[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(span[2..]);
        }

        var name = charset?.Trim().Trim('"').ToLowerInvariant();
        switch (name)
        {
            case null or "" or "us-ascii" or "ascii" or "utf-8" or "utf8" or "x-unknown" or "unknown-8bit":
                return TryStrictUtf8(span) ?? Windows1252.GetString(span);

            case "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "iso_8859-1" or "windows-1252" or "cp1252" or "iso-8859-15":
                // Valid UTF-8 with multi-byte sequences is almost never real Latin-1 text: the label is wrong.
                if (HasNonAscii(span) && TryStrictUtf8(span) is { } utf8)
                {
                    return utf8;
                }

                return (name == "iso-8859-15" ? GetEncoding(name) ?? Windows1252 : Windows1252).GetString(span);

            default:
                var encoding = GetEncoding(name);
                return encoding is not null
                    ? encoding.GetString(span)
                    : TryStrictUtf8(span) ?? Windows1252.GetString(span);
        }
    }

    private static Encoding LoadWindows1252()
    {
        // .NET (Core) only knows the legacy code pages once the provider is registered; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static Encoding? GetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? TryStrictUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
