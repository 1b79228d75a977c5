namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>A flow instance export the adapter cannot read; the message names the instance, never its content.</summary>
public sealed class OpenEPlatformMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpenEPlatformMappingException() : base("An Open ePlatform flow instance could not be read.") { }

    /// <summary>Creates the exception with a message.</summary>
    public OpenEPlatformMappingException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public OpenEPlatformMappingException(string message, Exception innerException) : base(message, innerException) { }
}
