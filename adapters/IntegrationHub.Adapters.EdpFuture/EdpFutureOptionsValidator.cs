using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EdpFuture;

/// <summary>Checks an instance's settings at start-up; every message names the full setting path and what to put there.</summary>
internal sealed partial class EdpFutureOptionsValidator : IValidateOptions<EdpFutureOptions>
{
    public ValidateOptionsResult Validate(string? name, EdpFutureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(name, options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Errors(string? name, EdpFutureOptions options)
    {
        var errors = new List<string>();
        if (!options.Enabled)
        {
            return errors;
        }

        var at = $"{EdpFutureOptions.Section}:{name}";
        if (name is null || !InstanceName().IsMatch(name))
        {
            errors.Add($"{at} must be named with lowercase letters, digits and dashes (e.g. Adapters:EdpFuture:sundsvall): the name is part of the source name edp-future/<name>.");
        }

        if (options.Municipality is null || !Kommunkod().IsMatch(options.Municipality))
        {
            errors.Add($"{at}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.");
        }

        if (options.BaseUrl is not { IsAbsoluteUri: true } url || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            errors.Add($"{at}:BaseUrl is required: the https address of the Future web service (the .svc), e.g. https://future.kommun.se/EDPFutureWebAPI/EDPFutureWebAPI.svc.");
        }

        if (string.IsNullOrWhiteSpace(options.Schedule) || !CronShape().IsMatch(options.Schedule.Trim()))
        {
            errors.Add($"{at}:Schedule must be a Quartz cron expression, seconds first, e.g. \"0 0/5 * * * ?\" for every five minutes.");
        }

        if (options.CustomerIds.Count == 0)
        {
            errors.Add($"{at}:CustomerIds must list at least one Future customer number (kundnummer) whose errands to follow, e.g. [ 100245 ].");
        }

        for (var i = 0; i < options.CustomerIds.Count; i++)
        {
            if (options.CustomerIds[i] <= 0)
            {
                errors.Add($"{at}:CustomerIds:{i.ToString(CultureInfo.InvariantCulture)} must be a positive Future customer number.");
            }
        }

        if (!CaseTypeKey().IsMatch(options.DefaultCaseType ?? string.Empty))
        {
            errors.Add($"{at}:DefaultCaseType must be a case type key (lowercase letters, digits and dashes), e.g. va-renhallning; errands of unmapped types get it.");
        }

        foreach (var (futureType, caseType) in options.CaseTypes)
        {
            if (!CaseTypeKey().IsMatch(caseType ?? string.Empty))
            {
                errors.Add($"{at}:CaseTypes:{futureType} must be a case type key (lowercase letters, digits and dashes), e.g. renhallning-klagomal.");
            }
        }

        foreach (var (futureStatus, status) in options.Statuses)
        {
            if (!Enum.IsDefined(status))
            {
                errors.Add($"{at}:Statuses:{futureStatus} must be one of: {string.Join(", ", Enum.GetNames<Canonical.Model.CaseStatus>())}.");
            }
        }

        if (!TimeZoneExists(options.TimeZone))
        {
            errors.Add($"{at}:TimeZone must be an IANA time zone id, e.g. Europe/Stockholm (Future sends local times without offset).");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add($"{at}:BatchSize must be between 1 and 1000 (events per batch; default 100).");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{at}:TimeoutSeconds must be between 1 and 600 (seconds one call may take; default 30).");
        }

        if (!Enum.IsDefined(options.DataClassification))
        {
            errors.Add($"{at}:DataClassification must be one of: Public, Internal, Confidential, Restricted (default Internal).");
        }

        CheckLogin(at, options, errors);
        CheckResilience($"{at}:Resilience", options.Resilience, errors);
        return errors;
    }

    private static void CheckLogin(string at, EdpFutureOptions options, List<string> errors)
    {
        if (string.IsNullOrEmpty(options.Username))
        {
            if (!string.IsNullOrEmpty(options.Password) || !string.IsNullOrEmpty(options.PasswordFile))
            {
                errors.Add($"{at}:Username is required when a password is set (HTTP Basic login to the Future service); remove the password if the service needs none.");
            }

            return;
        }

        if (!string.IsNullOrEmpty(options.Password))
        {
            return;
        }

        if (string.IsNullOrEmpty(options.PasswordFile))
        {
            errors.Add($"{at}:Password is required with {at}:Username: set it from an environment variable ({at.Replace(":", "__", StringComparison.Ordinal)}__Password) or name a file with {at}:PasswordFile.");
        }
        else if (!File.Exists(options.PasswordFile))
        {
            errors.Add($"{at}:PasswordFile names a file that does not exist: {options.PasswordFile}.");
        }
    }

    private static void CheckResilience(string at, EdpFutureResilienceOptions resilience, List<string> errors)
    {
        if (resilience.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{at}:MaxRetries must be between 0 and 10 (retries after a 5xx, timeout or network error; default 3).");
        }

        if (resilience.RetryDelay < TimeSpan.Zero || resilience.RetryDelay > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{at}:RetryDelay must be between 00:00:00 and 00:05:00 (the first retry's delay; default 00:00:01).");
        }

        if (resilience.FailureRatio is < 0.1 or > 1)
        {
            errors.Add($"{at}:FailureRatio must be between 0.1 and 1 (the share of failed calls that opens the circuit; default 0.5).");
        }

        if (resilience.MinimumThroughput < 2)
        {
            errors.Add($"{at}:MinimumThroughput must be at least 2 (calls before the circuit may open; default 10).");
        }

        if (resilience.SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{at}:SamplingDuration must be at least 00:00:00.5 (the window failures are counted in; default 00:00:30).");
        }

        if (resilience.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{at}:BreakDuration must be at least 00:00:00.5 (how long an open circuit fails calls at once; default 00:00:30).");
        }
    }

    private static bool TimeZoneExists(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Kommunkod();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CaseTypeKey();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex InstanceName();

    // The shape only (six or seven fields); the poller parses the expression with Quartz and names the source if it fails.
    [GeneratedRegex(@"^\S+( \S+){5,6}$")]
    private static partial Regex CronShape();
}
