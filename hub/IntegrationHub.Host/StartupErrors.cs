using Microsoft.Extensions.Options;

namespace IntegrationHub.Host;

/// <summary>Turns start-up failures an IT administrator can fix into one clear sentence.</summary>
public static class StartupErrors
{
    /// <summary>The message to print, or null when the exception is a bug rather than configuration.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        HubConfigurationException e => e.Message,
        OptionsValidationException e => string.Join(" ", e.Failures),
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        _ => null,
    };
}
