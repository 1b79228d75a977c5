using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>
/// Reads the platform's XML whatever its encoding: Open ePlatform writes ISO-8859-1 as often as UTF-8. A byte-order
/// mark wins, then the XML declaration (it describes the bytes as the platform wrote them), then the HTTP charset, then
/// UTF-8 — and bytes that are not UTF-8 without any declaration are read as ISO-8859-1 rather than turned into '�'.
/// </summary>
internal static partial class XmlText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static XDocument Parse(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        var text = Decode(bytes, httpCharset);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return utf16.GetString(bytes[2..]);
        }

        var named = Declared(bytes) ?? Clean(httpCharset);
        if (named is not null && Find(named) is { } encoding)
        {
            return encoding.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        // The declaration is ASCII in every encoding the platform uses.
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        var match = DeclarationEncoding().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static string? Clean(string? charset) => string.IsNullOrWhiteSpace(charset) ? null : charset.Trim().Trim('"');

    private static Encoding? Find(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<name>[A-Za-z0-9._-]+)["']""")]
    private static partial Regex DeclarationEncoding();
}
