namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// Thrown by <see cref="MailReader"/> when a message cannot be registered as a mail at all: it is not MIME,
/// or it has no usable sender. The worker moves such messages to a review folder.
/// </summary>
internal sealed class UnreadableMailException : Exception
{
    private const string DefaultReason = "Meddelandet kunde inte läsas.";

    public UnreadableMailException()
        : this(DefaultReason)
    {
    }

    public UnreadableMailException(string reason)
        : base(reason)
    {
        Reason = string.IsNullOrWhiteSpace(reason) ? DefaultReason : reason;
    }

    public UnreadableMailException(string reason, Exception innerException)
        : base(reason, innerException)
    {
        Reason = string.IsNullOrWhiteSpace(reason) ? DefaultReason : reason;
    }

    /// <summary>
    /// A short explanation in Swedish for a registry clerk, e.g. "Meddelandet saknar avsändare (From).".
    /// Never contains addresses, names or other personal data.
    /// </summary>
    public string Reason { get; }
}
