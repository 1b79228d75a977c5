using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>Checks a mailbox's settings at start-up; every message names the setting and what to put there.</summary>
internal sealed partial class MailboxOptionsValidator : IValidateOptions<MailboxOptions>
{
    public ValidateOptionsResult Validate(string? name, MailboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var at = $"{MailboxOptions.Section}:{name}";
        var errors = new List<string>();
        if (options.Municipality is null || !Kommunkod().IsMatch(options.Municipality))
        {
            errors.Add($"{at}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.");
        }

        if (!IsAddress(options.Address))
        {
            errors.Add($"{at}:Address must be the mailbox's own e-mail address, e.g. kommunen@kommun.se.");
        }

        CheckServer($"{at}:Imap", options.Imap, requireLogin: true, errors);
        CheckFolders(at, options.Folders, errors);
        Positive(errors, $"{at}:PollInterval", options.PollInterval);
        Positive(errors, $"{at}:IdleRefresh", options.IdleRefresh);
        Positive(errors, $"{at}:MaxReconnectDelay", options.MaxReconnectDelay);
        if (options.MaxMessageBytes <= 0)
        {
            errors.Add($"{at}:MaxMessageBytes must be a positive number of bytes (default 104857600, 100 MB).");
        }

        CheckRoute($"{at}:Defaults", options.Defaults, requireCaseType: true, errors);
        for (var i = 0; i < options.Routing.Count; i++)
        {
            var rule = options.Routing[i];
            var ruleAt = $"{at}:Routing:{i.ToString(CultureInfo.InvariantCulture)}";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{ruleAt}:Name is required: the registrator sees which rule routed a mail.");
            }

            if (rule.Recipients.Count + rule.SenderDomains.Count + rule.SubjectKeywords.Count + rule.BodyKeywords.Count == 0)
            {
                errors.Add($"{ruleAt} needs at least one condition: Recipients, SenderDomains, SubjectKeywords or BodyKeywords.");
            }

            if (rule.CaseType is null && rule.Unit is null)
            {
                errors.Add($"{ruleAt} must route somewhere: set CaseType and/or Unit.");
            }

            CheckRoute(ruleAt, rule, requireCaseType: false, errors);
        }

        if (options.Receipts.Enabled)
        {
            if (!IsAddress(options.Receipts.From))
            {
                errors.Add($"{at}:Receipts:From must be the address receipts are sent from, e.g. diariet@kommun.se.");
            }

            CheckServer($"{at}:Receipts:Smtp", options.Receipts.Smtp, requireLogin: false, errors);
            if (options.Receipts.Interval < TimeSpan.Zero)
            {
                errors.Add($"{at}:Receipts:Interval must not be negative (e.g. 01:00:00 for one receipt per sender per hour).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckServer(string at, MailServerOptions server, bool requireLogin, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(server.Host))
        {
            errors.Add($"{at}:Host is required (the mail server's host name).");
        }

        if (server.Port is < 1 or > 65535)
        {
            errors.Add($"{at}:Port must be between 1 and 65535.");
        }

        if (server.TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{at}:TimeoutSeconds must be between 1 and 600.");
        }

        if (!Enum.IsDefined(server.Security))
        {
            errors.Add($"{at}:Security must be one of: {string.Join(", ", Enum.GetNames<MailSecurity>())}.");
        }

        if (string.IsNullOrWhiteSpace(server.Username))
        {
            if (requireLogin)
            {
                errors.Add($"{at}:Username is required (the mailbox's login).");
            }

            return;
        }

        if (server.OAuth2 is { } oauth)
        {
            if (oauth.TokenEndpoint is not { IsAbsoluteUri: true } endpoint || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
            {
                errors.Add($"{at}:OAuth2:TokenEndpoint must be an https URL, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.");
            }

            if (string.IsNullOrWhiteSpace(oauth.ClientId))
            {
                errors.Add($"{at}:OAuth2:ClientId is required (the application's client id).");
            }

            CheckSecret($"{at}:OAuth2:ClientSecret", oauth.ClientSecret, oauth.ClientSecretFile, errors);
        }
        else
        {
            CheckSecret($"{at}:Password", server.Password, server.PasswordFile, errors);
        }
    }

    private static void CheckSecret(string at, string? value, string? file, List<string> errors)
    {
        if (!string.IsNullOrEmpty(value))
        {
            return;
        }

        if (string.IsNullOrEmpty(file))
        {
            errors.Add($"{at} is required: set it from an environment variable ({at.Replace(":", "__", StringComparison.Ordinal)}) or name a file with {at}File.");
        }
        else if (!File.Exists(file))
        {
            errors.Add($"{at}File names a file that does not exist: {file}.");
        }
    }

    private static void CheckFolders(string at, MailboxFolders folders, List<string> errors)
    {
        foreach (var (key, value) in new[] { ("Inbox", folders.Inbox), ("Processed", folders.Processed), ("Review", folders.Review) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{at}:Folders:{key} must name an IMAP folder.");
            }
        }

        if (string.Equals(folders.Processed, folders.Inbox, StringComparison.OrdinalIgnoreCase) || string.Equals(folders.Review, folders.Inbox, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}:Folders:Processed and {at}:Folders:Review must differ from {at}:Folders:Inbox, or registered mail would be registered again.");
        }
    }

    private static void CheckRoute(string at, MailRoute route, bool requireCaseType, List<string> errors)
    {
        if (route.CaseType is null ? requireCaseType : !CaseTypeKey().IsMatch(route.CaseType))
        {
            errors.Add($"{at}:CaseType must be a case type key (lowercase letters, digits and dashes), e.g. allmant; unmatched mail is registered as it.");
        }

        if (route.Unit is not null && !UnitId().IsMatch(route.Unit))
        {
            errors.Add($"{at}:Unit must be a unit id of letters, digits, '.', '_' or '-' (at most 50), e.g. bygglov.");
        }
    }

    private static void Positive(List<string> errors, string at, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{at} must be a positive time span, e.g. 00:01:00.");
        }
    }

    private static bool IsAddress(string? value) =>
        value is { Length: > 2 } && value.Contains('@', StringComparison.Ordinal) && MailboxAddress.TryParse(value, out var parsed) && parsed.Address == value;

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Kommunkod();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CaseTypeKey();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex UnitId();
}
