using System.Data.Common;
using System.Net.Sockets;
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
        // The configuration binder names the setting ("… at 'Hub:Delivery:Email:Security' to type …"); its inner error says why.
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            $"{e.Message} {e.InnerException?.Message}".TrimEnd(),
        IOException e when e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            $"{exception.Message} Another program (or another hub) listens there: stop it, or start the hub with --urls http://127.0.0.1:<free port>.",
        DbException or SocketException =>
            $"The store cannot be reached or prepared: {exception.Message} Check Hub:Storage (provider, connection string, data directory) and that the database server is running.",
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        _ when exception.InnerException is { } inner => Describe(inner),
        _ => null,
    };
}
