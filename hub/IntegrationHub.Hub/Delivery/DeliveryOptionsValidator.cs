using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Delivery;

/// <summary>Checks the settings that depend on each other.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxRetryDelay < options.FirstRetryDelay
            ? ValidateOptionsResult.Fail($"{DeliveryOptions.Section}:MaxRetryDelay ({options.MaxRetryDelay}) must not be shorter than {DeliveryOptions.Section}:FirstRetryDelay ({options.FirstRetryDelay}).")
            : ValidateOptionsResult.Success;
    }
}
