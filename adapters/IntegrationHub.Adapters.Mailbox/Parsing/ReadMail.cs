using System.Globalization;
using System.Text;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// A mail as the hub registers it: envelope data, the body as plain text, and the files to keep.
/// Produced by <see cref="MailReader"/>.
/// </summary>
internal sealed record ReadMail
{
    /// <summary>The Message-ID without angle brackets, or <see langword="null"/> when the mail has none.</summary>
    public string? MessageId { get; init; }

    /// <summary>The ids in In-Reply-To, without angle brackets, in header order.</summary>
    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    /// <summary>The ids in References, without angle brackets, in header order.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The first usable mailbox of the From header.</summary>
    public MailContact? From { get; init; }

    /// <summary>The Sender header (who actually sent the mail on behalf of <see cref="From"/>), if any.</summary>
    public MailContact? Sender { get; init; }

    public IReadOnlyList<MailContact> ReplyTo { get; init; } = [];

    public IReadOnlyList<MailContact> To { get; init; } = [];

    public IReadOnlyList<MailContact> Cc { get; init; } = [];

    /// <summary>The decoded, trimmed subject; empty when the mail has none.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>The Date header, or <see langword="null"/> when absent or unparsable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>
    /// The body as plain text with <c>\n</c> line breaks. For an HTML-only mail a text rendering of the HTML;
    /// empty when the mail has no body or is encrypted.
    /// </summary>
    public string BodyText { get; init; } = string.Empty;

    /// <summary><c>text/plain</c> or <c>text/html</c>: what the original body was.</summary>
    public string BodyMediaType { get; init; } = "text/plain";

    /// <summary>Attachments, HTML body, inline images, forwarded messages and signatures, in document order.</summary>
    public IReadOnlyList<MailPart> Parts { get; init; } = [];

    /// <summary>True for S/MIME multipart/signed or application/pkcs7-mime; smime-type=signed-data.</summary>
    public bool IsSigned { get; init; }

    /// <summary>True for application/pkcs7-mime; smime-type=enveloped-data (and PGP/MIME multipart/encrypted).</summary>
    public bool IsEncrypted { get; init; }

    /// <summary>The parts that are <see cref="MailPartKind.Attachment"/> or <see cref="MailPartKind.ForwardedMessage"/>.</summary>
    public IEnumerable<MailPart> Attachments =>
        Parts.Where(p => p.Kind is MailPartKind.Attachment or MailPartKind.ForwardedMessage);

    /// <summary>
    /// A summary safe to log: counts, sizes and media types only. No addresses, names, subject, body,
    /// file names or message ids (a Message-ID can contain a host or user name).
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder("ReadMail { ");
        builder.Append(CultureInfo.InvariantCulture, $"HasMessageId = {Flag(MessageId is not null)}, ");
        builder.Append(CultureInfo.InvariantCulture, $"IsReply = {Flag(InReplyTo.Count > 0 || References.Count > 0)}, ");
        builder.Append(CultureInfo.InvariantCulture, $"To = {To.Count}, Cc = {Cc.Count}, ReplyTo = {ReplyTo.Count}, ");
        builder.Append(CultureInfo.InvariantCulture, $"HasSender = {Flag(Sender is not null)}, ");
        builder.Append(CultureInfo.InvariantCulture, $"SubjectLength = {Subject.Length}, ");
        builder.Append(CultureInfo.InvariantCulture, $"BodyMediaType = {BodyMediaType}, BodyLength = {BodyText.Length}, ");
        builder.Append(CultureInfo.InvariantCulture, $"IsSigned = {Flag(IsSigned)}, IsEncrypted = {Flag(IsEncrypted)}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Parts = {Parts.Count}");
        if (Parts.Count > 0)
        {
            builder.Append(" [");
            for (var i = 0; i < Parts.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                var part = Parts[i];
                builder.Append(CultureInfo.InvariantCulture, $"{part.Kind} {part.MediaType} {part.Size} B");
            }

            builder.Append(']');
        }

        builder.Append(" }");
        return builder.ToString();
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
