using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.RabbitMq;

/// <summary>Checks every configured broker at start-up, naming the setting to fix.</summary>
public sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (broker, settings) in options.Brokers)
        {
            var key = $"{RabbitMqOptions.Section}:Brokers:{broker}";
            if (!System.Uri.TryCreate(settings.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
            {
                failures.Add($"{key}:Uri must be an AMQP URI such as amqp://user:password@rabbit.kommun.se:5672/ (amqps:// for TLS).");
            }

            if (settings.RecoveryInterval < TimeSpan.FromMilliseconds(100) || settings.RecoveryInterval > TimeSpan.FromMinutes(10))
            {
                failures.Add($"{key}:RecoveryInterval must be between 00:00:00.1 and 00:10:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
