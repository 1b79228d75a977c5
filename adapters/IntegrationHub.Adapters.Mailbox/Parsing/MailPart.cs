using System.Globalization;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// One file taken out of a mail: an attachment, the HTML body, an inline image, a forwarded message or a signature.
/// </summary>
/// <param name="FileName">Decoded and sanitised file name (no path separators or control characters,
/// at most 255 characters and 255 UTF-8 bytes, unique within the mail).</param>
/// <param name="MediaType">Lower-case <c>type/subtype</c> without parameters.</param>
/// <param name="Content">The decoded bytes (for a forwarded message the whole message as MimeKit writes it).</param>
/// <param name="Kind">What the part is.</param>
internal sealed record MailPart(string FileName, string MediaType, byte[] Content, MailPartKind Kind)
{
    /// <summary>The size of <see cref="Content"/> in bytes.</summary>
    public long Size => Content.LongLength;

    /// <summary>Prints no file name (file names often carry personal names), only kind, type and size.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MailPart {{ Kind = {Kind}, MediaType = {MediaType}, Size = {Size} }}");
}
