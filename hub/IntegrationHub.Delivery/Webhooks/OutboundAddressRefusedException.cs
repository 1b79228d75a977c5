namespace IntegrationHub.Delivery.Webhooks;

/// <summary>The <see cref="OutboundAddressPolicy"/> refused to connect to a webhook's target; another attempt cannot help.</summary>
public sealed class OutboundAddressRefusedException : Exception
{
    /// <summary>A refusal without a reason.</summary>
    public OutboundAddressRefusedException() { }

    /// <summary>A refusal with its reason, e.g. "intranet.kommun.se resolves to a private network address".</summary>
    public OutboundAddressRefusedException(string message) : base(message) { }

    /// <summary>A refusal with its reason and cause.</summary>
    public OutboundAddressRefusedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The refusal among <paramref name="exception"/> and its inner exceptions, or null.</summary>
    public static OutboundAddressRefusedException? FindIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
