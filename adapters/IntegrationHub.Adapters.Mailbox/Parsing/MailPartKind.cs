namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>What a <see cref="MailPart"/> is, seen from the registry's point of view.</summary>
internal enum MailPartKind
{
    /// <summary>An ordinary attachment (also text parts with Content-Disposition: attachment, DSN reports).</summary>
    Attachment,

    /// <summary>A message/rfc822 part (a forwarded mail), kept whole as an <c>.eml</c> file.</summary>
    ForwardedMessage,

    /// <summary>A detached signature (S/MIME <c>smime.p7s</c>) or an opaque S/MIME signed-data blob.</summary>
    Signature,

    /// <summary>The HTML version of the body, kept as the file <c>meddelande.html</c>.</summary>
    HtmlBody,

    /// <summary>A resource of a multipart/related body (usually an image referenced with <c>cid:</c>).</summary>
    Inline,
}
