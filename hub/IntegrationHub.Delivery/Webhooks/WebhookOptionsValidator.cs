using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>Checks the webhook allow-list at start-up, naming each bad entry's setting and value.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Key = WebhookOptions.Section;
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            var value = options.AllowedNetworks[i];
            if (!OutboundAddressPolicy.TryParseNetwork(value, out _))
            {
                failures.Add($"{Key}:AllowedNetworks:{i} is '{value}', which is not a network in CIDR notation: give an address and a prefix length "
                    + "with no bits set after the prefix (10.20.0.0/16, not 10.20.1.0/16), such as 10.20.0.0/16, 127.0.0.0/8 or fd00::/8, or a single address such as 10.20.30.40.");
            }
        }

        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            var value = options.AllowedHosts[i];
            if (!OutboundAddressPolicy.IsValidHostPattern(value))
            {
                failures.Add(OutboundAddressPolicy.TryParseNetwork(value, out _)
                    ? $"{Key}:AllowedHosts:{i} is '{value}', an address: list addresses and networks under {Key}:AllowedNetworks."
                    : $"{Key}:AllowedHosts:{i} is '{value}', which is not a host name: give a name such as minasidor.intern.sundsvall.se, or *.intern.sundsvall.se for every name under it.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
