using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Mailbox.Parsing;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>
/// Identities the adapter derives from a mail. The same mail seen twice (redelivered, or copied to two function mailboxes
/// of the municipality) gets the same event id, so the hub registers it once.
/// </summary>
internal static partial class MailKeys
{
    /// <summary>The canonical source system key of function mailboxes.</summary>
    public const string SourceSystem = "mailbox";

    /// <summary>One CloudEvents source per municipality, shared by its mailboxes (so copies are duplicates).</summary>
    public static string Source(string municipality) => $"urn:integrationhub:mailbox:{municipality}";

    /// <summary>
    /// The mail's key: its Message-ID with the headers a copy keeps (Date, From, Subject), so a sender reusing a
    /// Message-ID for another mail is not mistaken for a copy; the raw bytes' hash when there is no Message-ID.
    /// </summary>
    public static string MailId(ReadMail? mail, ReadOnlySpan<byte> raw) =>
        mail?.MessageId is { Length: > 0 } messageId
            ? "mail-" + Hash($"{messageId}\n{mail.Date?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}\n{mail.From?.Address}\n{mail.Subject}")
            : "mail-raw-" + Convert.ToHexStringLower(SHA256.HashData(raw));

    /// <summary>The Message-ID of the receipt for an event: it names the hub case, so a reply finds its case.</summary>
    public static string ReceiptMessageId(Guid caseId, long sequence, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"kvittens.{caseId:N}.{sequence}@{domain}");

    /// <summary>The hub case named by a receipt's Message-ID among the mail's In-Reply-To and References, newest first.</summary>
    public static Guid? RepliedCase(ReadMail mail)
    {
        foreach (var id in mail.InReplyTo.Concat(mail.References.Reverse()))
        {
            var match = ReceiptId().Match(id);
            if (match.Success && Guid.TryParseExact(match.Groups["case"].Value, "N", out var caseId))
            {
                return caseId;
            }
        }

        return null;
    }

    /// <summary>A hash for keys that must not carry personal data (e.g. a sender's address in a rate window).</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    [GeneratedRegex(@"^kvittens\.(?<case>[0-9a-f]{32})\.\d+@", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReceiptId();
}
