namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>How the adapter reports back to Open ePlatform (statuses, messages, delivery confirmation).</summary>
public sealed class OpenEPlatformCallbackOptions
{
    /// <summary>False: no callback sink for this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The SOAP callback service, relative to the base address.</summary>
    public string Path { get; set; } = "api/callback";

    /// <summary>The <c>externalID/System</c> the hub case id is registered under with confirmDelivery.</summary>
    public string ExternalSystem { get; set; } = "IntegrationHub";

    /// <summary>The userID messages are posted as.</summary>
    public string MessageUserId { get; set; } = "IntegrationHub";

    /// <summary>The message event types used when <see cref="MessageEventTypes"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultMessageEventTypes { get; } = ["decided", "paused", "closed", "reopened"];

    /// <summary>
    /// Short event types whose headline and description reach the citizen as a message; not set:
    /// <see cref="DefaultMessageEventTypes"/> (a configured list replaces it rather than adding to it).
    /// </summary>
    public List<string>? MessageEventTypes { get; set; }
}
