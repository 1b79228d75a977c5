namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// A mailbox taken from an address header (From, Sender, Reply-To, To, Cc).
/// </summary>
/// <param name="Name">The decoded display name, or <see langword="null"/> when the header had none.</param>
/// <param name="Address">The address in lower case, e.g. <c>anna.lindqvist@example.com</c>.</param>
internal sealed record MailContact(string? Name, string Address)
{
    /// <summary>The part of <see cref="Address"/> after the last <c>@</c>.</summary>
    public string Domain
    {
        get
        {
            var at = Address.LastIndexOf('@');
            return at < 0 ? string.Empty : Address[(at + 1)..];
        }
    }

    /// <summary>The part of <see cref="Address"/> before the last <c>@</c>.</summary>
    public string LocalPart
    {
        get
        {
            var at = Address.LastIndexOf('@');
            return at < 0 ? Address : Address[..at];
        }
    }

    /// <summary>
    /// Prints no personal data (neither the name nor the local part), so a contact can be logged
    /// by mistake without leaking who wrote.
    /// </summary>
    public override string ToString() => "MailContact { Domain = " + Domain + ", HasName = " + (Name is not null ? "true" : "false") + " }";
}
