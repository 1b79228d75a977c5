namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>Platina's JSON lacks something the adapter needs; the message names the event and the field map setting.</summary>
internal sealed class PlatinaMappingException : Exception
{
    public PlatinaMappingException(string message) : base(message) { }

    public PlatinaMappingException() { }

    public PlatinaMappingException(string message, Exception innerException) : base(message, innerException) { }
}
