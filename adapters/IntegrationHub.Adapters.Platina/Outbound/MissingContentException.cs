namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>A file the hub registered is not in its content store, so the document cannot be sent.</summary>
internal sealed class MissingContentException : Exception
{
    public MissingContentException(string message) : base(message) { }

    public MissingContentException() { }

    public MissingContentException(string message, Exception innerException) : base(message, innerException) { }
}
