using IntegrationHub.Adapters.Mailbox;
using IntegrationHub.Hub.Delivery;
using IntegrationHub.Hub.Municipalities;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Adapters;

/// <summary>
/// What a mailbox needs from the hub's own configuration: its municipality served, every case type it routes to
/// registered in a hub diary (so each mail gets a diarienummer at once), and delivery switched on for receipts.
/// </summary>
internal sealed class MailboxHubRules(IOptions<MunicipalitiesOptions> municipalities, IConfiguration configuration) : IValidateOptions<MailboxOptions>
{
    public ValidateOptionsResult Validate(string? name, MailboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || options.Municipality is null)
        {
            return ValidateOptionsResult.Success;
        }

        var at = $"{MailboxOptions.Section}:{name}";
        var errors = new List<string>();
        if (!municipalities.Value.Municipalities.TryGetValue(options.Municipality, out var municipality))
        {
            errors.Add($"{at}:Municipality is {options.Municipality}, which the hub does not serve: add Hub:Municipalities:{options.Municipality} (its Name, Diaries and CaseTypes).");
        }
        else
        {
            var routes = options.Routing.Select(r => (Where: $"rule '{r.Name}'", r.CaseType)).Prepend(("the default", options.Defaults.CaseType));
            foreach (var (where, caseType) in routes)
            {
                if (caseType is null)
                {
                    continue;
                }

                if (!municipality.CaseTypes.TryGetValue(caseType, out var rule) || rule.Diary is null)
                {
                    errors.Add($"{at}: mail routed by {where} to case type '{caseType}' would get no diarienummer: set Hub:Municipalities:{options.Municipality}:CaseTypes:{caseType}:Diary to one of the municipality's diaries ({string.Join(", ", municipality.Diaries.Keys)}).");
                }
            }
        }

        if (options.Receipts.Enabled && !DeliveryOptions.IsEnabled(configuration))
        {
            errors.Add($"{at}:Receipts:Enabled needs the hub's delivery (Hub:Delivery:Enabled=true): receipts are delivered like any subscription, with retries and dead-letters.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
