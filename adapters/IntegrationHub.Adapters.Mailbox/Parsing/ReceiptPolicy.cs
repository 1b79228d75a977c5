using MimeKit;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// Decides whether the hub may send an automatic receipt (mottagningskvittens) for an incoming mail,
/// following RFC 3834 and common practice so that the hub never answers robots, lists, bounces or itself.
/// </summary>
internal static class ReceiptPolicy
{
    /// <summary>
    /// Local parts that never get a receipt. Case-insensitive; <c>*</c> matches any run of characters;
    /// a pattern containing <c>@</c> is matched against the whole address instead of the local part.
    /// A "+tag" sub-address is ignored before matching (no-reply+abc@ matches "no-reply").
    /// </summary>
    public static IReadOnlyList<string> DefaultNoReplyPatterns { get; } =
        ["noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster", "bounce*"];

    private static readonly string[] ListHeaders = ["List-Id", "List-Unsubscribe", "List-Post"];

    private static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Reply"];

    private static readonly string[] SuppressingResponseValues = ["All", "OOF", "AutoReply"];

    private static readonly string[] BulkPrecedences = ["bulk", "junk", "list", "auto_reply", "auto-reply"];

    /// <inheritdoc cref="SuppressionReason(MimeMessage, ReadMail, IReadOnlyCollection{string}, IReadOnlyList{string})"/>
    public static string? SuppressionReason(MimeMessage message, ReadMail mail, IReadOnlyCollection<string> ownAddresses) =>
        SuppressionReason(message, mail, ownAddresses, DefaultNoReplyPatterns);

    /// <summary>
    /// <see langword="null"/> when a receipt may be sent to <see cref="ReceiptRecipient"/>; otherwise a short
    /// English reason for the log, e.g. "auto-reply (Auto-Submitted: auto-replied)". The reason never
    /// contains an address, name or subject.
    /// </summary>
    /// <param name="message">The parsed message (headers are read from it).</param>
    /// <param name="mail">The same message as read by <see cref="MailReader"/>.</param>
    /// <param name="ownAddresses">The hub's own addresses (sending address and function mailboxes).</param>
    /// <param name="noReplyPatterns">Local-part patterns of senders that must not get a receipt; usually <see cref="DefaultNoReplyPatterns"/>.</param>
    public static string? SuppressionReason(
        MimeMessage message,
        ReadMail mail,
        IReadOnlyCollection<string> ownAddresses,
        IReadOnlyList<string> noReplyPatterns)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(ownAddresses);
        ArgumentNullException.ThrowIfNull(noReplyPatterns);

        if (mail.From is null)
        {
            return "no From address";
        }

        var recipient = ReceiptRecipient(mail);
        var own = new HashSet<string>(ownAddresses.Select(NormalizeAddress), StringComparer.OrdinalIgnoreCase);
        if (IsOwn(mail.From) || IsOwn(mail.Sender) || IsOwn(recipient))
        {
            return "the hub's own address";
        }

        var headers = message.Headers;
        var body = message.Body?.ContentType;
        if (body is not null && body.IsMimeType("multipart", "report"))
        {
            var reportType = body.Parameters.TryGetValue("report-type", out string? value) ? value.Trim().ToLowerInvariant() : string.Empty;
            return reportType switch
            {
                "" or "delivery-status" or "global-delivery-status" => "bounce (multipart/report)",
                "disposition-notification" or "global-disposition-notification" => "read receipt (multipart/report)",
                _ => "automatic report (multipart/report)",
            };
        }

        if (body is not null && (body.IsMimeType("message", "delivery-status") || body.IsMimeType("message", "global-delivery-status")))
        {
            return "bounce (message/delivery-status)";
        }

        if (headers.Contains("X-Failed-Recipients"))
        {
            return "bounce (X-Failed-Recipients)";
        }

        foreach (var header in headers)
        {
            if (header.Id == HeaderId.ReturnPath && IsEmptyReturnPath(header.Value))
            {
                return "empty Return-Path";
            }
        }

        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (autoSubmitted is not null)
        {
            var token = Token(autoSubmitted);
            if (!string.Equals(token, "no", StringComparison.Ordinal))
            {
                return token.Length == 0 ? "auto-reply (Auto-Submitted)" : "auto-reply (Auto-Submitted: " + token + ")";
            }
        }

        var suppress = headers["X-Auto-Response-Suppress"];
        if (suppress is not null)
        {
            var values = suppress.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var match = SuppressingResponseValues.FirstOrDefault(v => values.Contains(v, StringComparer.OrdinalIgnoreCase));
            if (match is not null)
            {
                return "sender suppresses auto-replies (X-Auto-Response-Suppress: " + match + ")";
            }
        }

        foreach (var name in AutoReplyHeaders)
        {
            if (headers.Contains(name))
            {
                return "auto-reply (" + name + ")";
            }
        }

        foreach (var name in ListHeaders)
        {
            if (headers.Contains(name))
            {
                return "mailing list (" + name + ")";
            }
        }

        var precedence = headers["Precedence"];
        if (precedence is not null)
        {
            var token = Token(precedence);
            if (BulkPrecedences.Contains(token, StringComparer.Ordinal))
            {
                return "Precedence: " + token;
            }
        }

        if (IsNoReply(mail.From, noReplyPatterns) || IsNoReply(mail.Sender, noReplyPatterns) || IsNoReply(recipient, noReplyPatterns))
        {
            return "no-reply sender";
        }

        if (recipient is null)
        {
            return "no reply address";
        }

        return null;

        bool IsOwn(MailContact? contact) => contact is not null && own.Contains(contact.Address);
    }

    /// <summary>Where a receipt goes: the first Reply-To mailbox if there is one, else From.</summary>
    public static MailContact? ReceiptRecipient(ReadMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail.ReplyTo.Count > 0 ? mail.ReplyTo[0] : mail.From;
    }

    /// <summary>Whether <paramref name="contact"/>'s local part (or address) matches one of the patterns.</summary>
    public static bool IsNoReply(MailContact? contact, IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (contact is null)
        {
            return false;
        }

        var local = contact.LocalPart;
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        foreach (var raw in patterns)
        {
            var pattern = raw?.Trim();
            if (string.IsNullOrEmpty(pattern))
            {
                continue;
            }

            var subject = pattern.Contains('@', StringComparison.Ordinal) ? contact.Address : local;
            if (WildcardMatch(subject, pattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Case-insensitive match where <c>*</c> in <paramref name="pattern"/> matches any run of characters.</summary>
    internal static bool WildcardMatch(string text, string pattern)
    {
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static string NormalizeAddress(string address) =>
        (address ?? string.Empty).Trim().TrimStart('<').TrimEnd('>').Trim().ToLowerInvariant();

    private static bool IsEmptyReturnPath(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        return compact.Length == 0 || compact == "<>";
    }

    /// <summary>The first token of a header value, lower-case, limited to a safe character set for logs.</summary>
    private static string Token(string value)
    {
        var end = value.IndexOfAny([';', '(', ',']);
        var token = (end >= 0 ? value[..end] : value).Trim().ToLowerInvariant();
        var safe = new string(token.Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.').Take(40).ToArray());
        return safe;
    }
}
