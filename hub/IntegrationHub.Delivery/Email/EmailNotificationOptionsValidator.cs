using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegrationHub.Delivery.Email;

/// <summary>Checks the SMTP settings and templates at start-up, naming the setting to fix.</summary>
public sealed partial class EmailNotificationOptionsValidator : IValidateOptions<EmailNotificationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmailNotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        const string Key = EmailNotificationOptions.Section;
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Key}:Port must be between 1 and 65535 (587 for STARTTLS, 465 for TLS, 25 for a local relay).");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add($"{Key}:Security must be one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _) || !options.From.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"{Key}:From must be the sender's address, e.g. noreply@sundsvall.se.");
        }

        if (options.UserName is not null && string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Key}:Password is required when {Key}:UserName is set (give it as the environment variable Hub__Delivery__Email__Password).");
        }

        foreach (var (setting, template) in new[] { ("FromName", options.FromName), ("Subject", options.Subject), ("Body", options.Body) })
        {
            if (string.IsNullOrWhiteSpace(template))
            {
                failures.Add($"{Key}:{setting} must not be empty.");
                continue;
            }

            var unknown = Placeholder().Matches(template).Select(m => m.Value).Where(p => !EmailNotificationOptions.Placeholders.Contains(p)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                failures.Add($"{Key}:{setting} uses {string.Join(", ", unknown)}; only {string.Join(" and ", EmailNotificationOptions.Placeholders)} exist, so that no case detail can ever reach an e-mail.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();
}
