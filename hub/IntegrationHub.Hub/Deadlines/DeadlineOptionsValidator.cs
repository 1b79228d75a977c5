using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>Fails start-up on a cron expression Quartz cannot read.</summary>
public sealed class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CronExpression.TryParse(options.Cron, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DeadlineOptions.Section}:Cron '{options.Cron}' is not a Quartz cron expression (six or seven fields, seconds first), e.g. '0 0/15 * * * ?' for every 15 minutes.");
    }
}
