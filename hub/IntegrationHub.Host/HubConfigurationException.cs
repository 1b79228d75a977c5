namespace IntegrationHub.Host;

/// <summary>A configuration error that an IT administrator must fix; the message says what and how.</summary>
public sealed class HubConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public HubConfigurationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception.</summary>
    public HubConfigurationException() : base("The hub's configuration is invalid.") { }
}
