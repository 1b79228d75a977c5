using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Utils;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// Reads a MIME message into a <see cref="ReadMail"/>: envelope, plain-text body and the files to keep.
/// Pure: no I/O except reading the given stream, no certificates, no network.
/// </summary>
internal static class MailReader
{
    private const string NotMimePrefix = "Meddelandet kunde inte tolkas som e-post (MIME): ";

    private static readonly FormatOptions CrLf = CreateCrLfOptions();

    /// <summary>Parses a raw RFC 5322 message and reads it.</summary>
    /// <exception cref="UnreadableMailException">The stream is not a mail, or the mail has no usable From address.</exception>
    public static ReadMail Read(Stream rawMessage) => Read(Load(rawMessage));

    /// <summary>Parses a raw RFC 5322 message and reads it.</summary>
    /// <exception cref="UnreadableMailException">The stream is not a mail, or the mail has no usable From address.</exception>
    public static async Task<ReadMail> ReadAsync(Stream rawMessage, CancellationToken cancellationToken = default) =>
        Read(await LoadAsync(rawMessage, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Parses a raw message with MimeKit, turning MimeKit's <see cref="FormatException"/> into an
    /// <see cref="UnreadableMailException"/>. Use it when the caller also needs the <see cref="MimeMessage"/>
    /// (e.g. for <see cref="ReceiptPolicy"/>).
    /// </summary>
    public static MimeMessage Load(Stream rawMessage)
    {
        ArgumentNullException.ThrowIfNull(rawMessage);
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(rawMessage);
        }
        catch (FormatException ex)
        {
            throw NotMime(ex);
        }

        return EnsureHasHeaders(message);
    }

    /// <inheritdoc cref="Load(Stream)"/>
    public static async Task<MimeMessage> LoadAsync(Stream rawMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rawMessage);
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(rawMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw NotMime(ex);
        }

        return EnsureHasHeaders(message);
    }

    /// <summary>Reads an already parsed message.</summary>
    /// <exception cref="UnreadableMailException">The message has no usable From address.</exception>
    public static ReadMail Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureHasHeaders(message);

        var from = message.From.Mailboxes.Select(ToContact).FirstOrDefault(c => c is not null);
        if (from is null)
        {
            throw new UnreadableMailException(message.Headers.Contains(HeaderId.From)
                ? "Avsändaradressen (From) kunde inte tolkas som en e-postadress."
                : "Meddelandet saknar avsändare (From).");
        }

        var walker = new BodyWalker();
        if (message.Body is not null)
        {
            walker.Visit(message.Body, Position.Body);
        }

        string bodyText;
        string bodyMediaType;
        if (!string.IsNullOrWhiteSpace(walker.Plain))
        {
            (bodyText, bodyMediaType) = (walker.Plain, "text/plain");
        }
        else if (walker.Html is not null)
        {
            (bodyText, bodyMediaType) = (HtmlText.ToPlainText(walker.Html), "text/html");
        }
        else
        {
            (bodyText, bodyMediaType) = (walker.Plain ?? string.Empty, "text/plain");
        }

        return new ReadMail
        {
            MessageId = CleanId(message.MessageId),
            InReplyTo = ParseIds(message.Headers[HeaderId.InReplyTo]),
            References = message.References.Select(CleanId).OfType<string>().ToList(),
            From = from,
            Sender = ToContact(message.Sender),
            ReplyTo = Contacts(message.ReplyTo),
            To = Contacts(message.To),
            Cc = Contacts(message.Cc),
            Subject = CleanSubject(message.Subject),
            Date = ParseDate(message.Headers[HeaderId.Date]),
            BodyText = NormalizeBody(bodyText),
            BodyMediaType = bodyMediaType,
            Parts = walker.Parts,
            IsSigned = walker.IsSigned,
            IsEncrypted = walker.IsEncrypted,
        };
    }

    internal static MailContact? ToContact(MailboxAddress? mailbox)
    {
        if (mailbox is null || string.IsNullOrWhiteSpace(mailbox.LocalPart) || string.IsNullOrWhiteSpace(mailbox.Domain))
        {
            return null;
        }

        var address = mailbox.Address.Trim().ToLowerInvariant();
        if (address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var name = CleanSubject(mailbox.Name);
        return new MailContact(name.Length == 0 ? null : name, address);
    }

    private static List<MailContact> Contacts(InternetAddressList list) =>
        list.Mailboxes.Select(ToContact).OfType<MailContact>().ToList();

    private static MimeMessage EnsureHasHeaders(MimeMessage message)
    {
        if (message.Headers.Count == 0)
        {
            throw new UnreadableMailException(NotMimePrefix + "brevhuvud saknas.");
        }

        return message;
    }

    private static UnreadableMailException NotMime(FormatException ex)
    {
        // MimeKit's messages are fixed English strings; map the usual ones and never echo content.
        var detail = ex.Message switch
        {
            "End of stream." => "meddelandet är tomt.",
            "Failed to parse message headers." => "inget giltigt brevhuvud hittades.",
            _ => "MIME-strukturen är felaktig.",
        };
        return new UnreadableMailException(NotMimePrefix + detail, ex);
    }

    private static string? CleanId(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var trimmed = id.Trim().TrimStart('<').TrimEnd('>').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static List<string> ParseIds(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var ids = MimeUtils.EnumerateReferences(value).Select(CleanId).OfType<string>().ToList();
        if (ids.Count == 0 && !value.Contains('<', StringComparison.Ordinal) && value.Contains('@', StringComparison.Ordinal))
        {
            // Some clients write In-Reply-To without angle brackets.
            ids.AddRange(value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(v => v.Contains('@', StringComparison.Ordinal)));
        }

        return ids;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null && DateUtils.TryParse(value, out var date) ? date : null;

    /// <summary>Unicode NFC, control characters to spaces, whitespace runs collapsed, trimmed.</summary>
    private static string CleanSubject(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>LF line breaks, NFC, no leading blank lines, no trailing whitespace.</summary>
    private static string NormalizeBody(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        normalized = normalized.Normalize(NormalizationForm.FormC).TrimEnd();
        var start = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] == '\n')
            {
                start = i + 1;
            }
            else if (!char.IsWhiteSpace(normalized[i]))
            {
                break;
            }
        }

        return normalized[start..];
    }

    private static FormatOptions CreateCrLfOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }

    private static byte[] WriteMessage(MimeMessage? message)
    {
        if (message is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        message.WriteTo(CrLf, buffer);
        return buffer.ToArray();
    }

    /// <summary>Where an entity sits, which decides whether it can be (part of) the body.</summary>
    private enum Position
    {
        /// <summary>The body, or the first part of a multipart in body position.</summary>
        Body,

        /// <summary>A later part of a multipart/mixed body: an unnamed inline text part continues the body.</summary>
        Continuation,

        /// <summary>A non-root part of multipart/related (an inline resource).</summary>
        Related,

        /// <summary>A machine-readable part of multipart/report (delivery status, returned message).</summary>
        Report,

        /// <summary>Anywhere else: always a file.</summary>
        Other,
    }

    private sealed class BodyWalker
    {
        private readonly List<MailPart> parts = [];
        private readonly HashSet<string> usedNames = new(StringComparer.OrdinalIgnoreCase);
        private int attachmentNumber;
        private int imageNumber;

        public string? Plain { get; private set; }

        public string? Html { get; private set; }

        public bool IsSigned { get; private set; }

        public bool IsEncrypted { get; private set; }

        public IReadOnlyList<MailPart> Parts => parts;

        public void Visit(MimeEntity entity, Position position)
        {
            switch (entity)
            {
                case MultipartSigned signed:
                    VisitSigned(signed, position);
                    break;
                case MultipartEncrypted encrypted:
                    IsEncrypted = true;
                    foreach (var child in encrypted)
                    {
                        Visit(child, Position.Other);
                    }

                    break;
                case MultipartRelated related:
                    var root = related.Root;
                    foreach (var child in related)
                    {
                        Visit(child, ReferenceEquals(child, root) ? position : Position.Related);
                    }

                    break;
                case MultipartReport report:
                    for (var i = 0; i < report.Count; i++)
                    {
                        Visit(report[i], i == 0 ? position : Position.Report);
                    }

                    break;
                case Multipart multipart:
                    VisitMultipart(multipart, position);
                    break;
                case TextRfc822Headers headers:
                    AddBytes(
                        FileNames.Sanitize(headers.ContentDisposition?.FileName) ?? "returnerat-meddelande-huvud.txt",
                        "text/rfc822-headers",
                        WriteMessage(headers.Message),
                        MailPartKind.Attachment);
                    break;
                case MessagePart message:
                    VisitMessage(message, position);
                    break;
                case ApplicationPkcs7Mime pkcs7:
                    VisitPkcs7(pkcs7, position);
                    break;
                case TextPart text:
                    VisitText(text, position);
                    break;
                case MimePart part:
                    VisitLeaf(part, position);
                    break;
            }
        }

        private void VisitMultipart(Multipart multipart, Position position)
        {
            var alternative = multipart is MultipartAlternative
                || string.Equals(multipart.ContentType.MediaSubtype, "alternative", StringComparison.OrdinalIgnoreCase);
            for (var i = 0; i < multipart.Count; i++)
            {
                Position childPosition;
                if (alternative || i == 0)
                {
                    childPosition = position;
                }
                else
                {
                    childPosition = position is Position.Body or Position.Continuation ? Position.Continuation : Position.Other;
                }

                Visit(multipart[i], childPosition);
            }
        }

        private void VisitSigned(MultipartSigned signed, Position position)
        {
            IsSigned = true;
            for (var i = 0; i < signed.Count; i++)
            {
                var child = signed[i];
                if (i == 0)
                {
                    Visit(child, position);
                }
                else if (child is MimePart signature)
                {
                    AddPart(signature, MailPartKind.Signature);
                }
                else
                {
                    Visit(child, Position.Other);
                }
            }
        }

        private void VisitMessage(MessagePart message, Position position)
        {
            var bytes = WriteMessage(message.Message);
            var mediaType = MediaTypes.Normalize(message.ContentType.MimeType);
            if (position == Position.Report)
            {
                AddBytes("returnerat-meddelande.eml", mediaType, bytes, MailPartKind.Attachment);
                return;
            }

            var declared = FileNames.Sanitize(message.ContentDisposition?.FileName ?? message.ContentType.Name);
            if (declared is not null && !declared.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
            {
                declared = FileNames.FromSubject(declared, ".eml");
            }

            var name = FileNames.FromSubject(message.Message?.Subject, ".eml") ?? declared ?? "vidarebefordrat-meddelande.eml";
            AddBytes(name, mediaType, bytes, MailPartKind.ForwardedMessage);
        }

        private void VisitPkcs7(ApplicationPkcs7Mime pkcs7, Position position)
        {
            switch (pkcs7.SecureMimeType)
            {
                case SecureMimeType.EnvelopedData or SecureMimeType.AuthEnvelopedData:
                    MarkEncrypted(pkcs7);
                    return;

                case SecureMimeType.SignedData:
                    IsSigned = true;
                    var content = TryUnwrap(pkcs7, compressed: false);
                    if (content is not null)
                    {
                        Visit(content, position);
                        AddPart(pkcs7, MailPartKind.Signature);
                    }
                    else
                    {
                        AddPart(pkcs7, MailPartKind.Attachment);
                    }

                    return;

                case SecureMimeType.CompressedData:
                    var decompressed = TryUnwrap(pkcs7, compressed: true);
                    if (decompressed is not null)
                    {
                        Visit(decompressed, position);
                    }
                    else
                    {
                        AddPart(pkcs7, MailPartKind.Attachment);
                    }

                    return;

                case SecureMimeType.Unknown:
                    // smime-type is optional; an opaque signed blob opens without a key, anything else is taken as encrypted.
                    var unknown = TryUnwrap(pkcs7, compressed: false);
                    if (unknown is not null)
                    {
                        IsSigned = true;
                        Visit(unknown, position);
                        AddPart(pkcs7, MailPartKind.Signature);
                    }
                    else
                    {
                        MarkEncrypted(pkcs7);
                    }

                    return;

                default:
                    AddPart(pkcs7, MailPartKind.Attachment);
                    return;
            }
        }

        private void MarkEncrypted(ApplicationPkcs7Mime pkcs7)
        {
            IsEncrypted = true;
            AddPart(pkcs7, MailPartKind.Attachment, "krypterat-meddelande.p7m");
        }

        private static MimeEntity? TryUnwrap(ApplicationPkcs7Mime pkcs7, bool compressed)
        {
            try
            {
                // A throw-away in-memory context: extracting the content needs no keys or trust store,
                // and nothing is imported anywhere.
                using var context = new TemporarySecureMimeContext();
                if (compressed)
                {
                    return pkcs7.Decompress(context);
                }

                pkcs7.Verify(context, out var entity);
                return entity;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                return null;
            }
        }

        private void VisitText(TextPart text, Position position)
        {
            var attachment = text.IsAttachment;
            var named = !string.IsNullOrWhiteSpace(text.FileName);
            if (!attachment && text.IsPlain)
            {
                if (position == Position.Body && Plain is null)
                {
                    Plain = TextDecoding.GetText(text);
                    return;
                }

                if (position == Position.Continuation && !named)
                {
                    if (Plain is not null)
                    {
                        Plain = Plain.TrimEnd() + "\n\n" + TextDecoding.GetText(text);
                        return;
                    }

                    if (Html is null)
                    {
                        Plain = TextDecoding.GetText(text);
                        return;
                    }
                }
            }

            if (!attachment && text.IsHtml && Html is null
                && (position == Position.Body || (position == Position.Continuation && !named && Plain is null)))
            {
                Html = TextDecoding.GetText(text);

                // Re-encoded as UTF-8 with a byte order mark: browsers let the BOM win over a stale <meta charset>.
                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Html)).ToArray();
                AddBytes("meddelande.html", "text/html", bytes, MailPartKind.HtmlBody);
                return;
            }

            AddPart(text, position == Position.Related ? MailPartKind.Inline : MailPartKind.Attachment);
        }

        private void VisitLeaf(MimePart part, Position position)
        {
            var mediaType = MediaTypes.Normalize(part.ContentType.MimeType);
            MailPartKind kind;
            if (part is ApplicationPkcs7Signature || MediaTypes.IsSignature(mediaType))
            {
                kind = MailPartKind.Signature;
            }
            else if (position == Position.Related)
            {
                kind = MailPartKind.Inline;
            }
            else if (mediaType.StartsWith("image/", StringComparison.Ordinal)
                     && !string.IsNullOrEmpty(part.ContentId)
                     && string.Equals(part.ContentDisposition?.Disposition, ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase))
            {
                // Outlook sometimes puts cid: images in multipart/mixed instead of multipart/related.
                kind = MailPartKind.Inline;
            }
            else
            {
                kind = MailPartKind.Attachment;
            }

            AddPart(part, kind);
        }

        private void AddPart(MimePart part, MailPartKind kind, string? forcedName = null)
        {
            var declared = part.FileName;
            var mediaType = MediaTypes.ForPart(part.ContentType.MimeType, declared);
            var name = forcedName ?? FileNames.Sanitize(declared) ?? GenerateName(kind, mediaType);
            AddBytes(name, mediaType, TextDecoding.ContentBytes(part), kind);
        }

        private void AddBytes(string name, string mediaType, byte[] content, MailPartKind kind) =>
            parts.Add(new MailPart(FileNames.MakeUnique(name, usedNames), mediaType, content, kind));

        private string GenerateName(MailPartKind kind, string mediaType)
        {
            var extension = MediaTypes.ExtensionFor(mediaType);
            return (kind, mediaType) switch
            {
                (MailPartKind.Signature, "application/pkcs7-mime" or "application/x-pkcs7-mime") => "smime.p7m",
                (MailPartKind.Signature, "application/pgp-signature") => "signatur.asc",
                (MailPartKind.Signature, _) => "smime.p7s",
                (_, "message/delivery-status" or "message/global-delivery-status") => "leveransrapport.txt",
                (_, "message/disposition-notification") => "läskvitto.txt",
                (MailPartKind.Inline, _) when mediaType.StartsWith("image/", StringComparison.Ordinal) =>
                    "bild-" + (++imageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture) + extension,
                _ => "bilaga-" + (++attachmentNumber).ToString(System.Globalization.CultureInfo.InvariantCulture) + extension,
            };
        }
    }
}
