using System.Text.RegularExpressions;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Options;
using Quartz;

namespace IntegrationHub.Adapters.Fgs;

/// <summary>Checks a drop folder's settings at start-up; every message names the setting and what to put there.</summary>
internal sealed partial class FgsOptionsValidator : IValidateOptions<FgsOptions>
{
    public ValidateOptionsResult Validate(string? name, FgsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var at = $"{FgsOptions.Section}:{name}";
        var errors = new List<string>();
        if (options.Municipality is null || !Kommunkod().IsMatch(options.Municipality))
        {
            errors.Add($"{at}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.");
        }

        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            errors.Add($"{at}:Folder is required: the drop folder the case system exports FGS deliveries into, e.g. /srv/fgs-in.");
        }
        else if (!Directory.Exists(options.Folder))
        {
            errors.Add($"{at}:Folder ({options.Folder}) does not exist: create it or correct the path.");
        }

        if (!SourceSystemKey().IsMatch(options.SourceSystem ?? string.Empty))
        {
            errors.Add($"{at}:SourceSystem must be a source system key of lowercase letters, digits and dashes, e.g. platina (default fgs).");
        }

        if (string.IsNullOrWhiteSpace(options.Schedule) || !CronExpression.TryParse(options.Schedule, out _))
        {
            errors.Add($"{at}:Schedule ({options.Schedule}) must be a Quartz cron expression with seconds first, e.g. {FgsOptions.DefaultSchedule} for every 30 seconds.");
        }

        foreach (var (arendeTyp, caseType) in options.CaseTypes)
        {
            if (!CaseTypeKey().IsMatch(caseType ?? string.Empty))
            {
                errors.Add($"{at}:CaseTypes:{arendeTyp} must be a hub case type key (lowercase letters, digits and dashes), e.g. bygglov.");
            }
        }

        if (options.DefaultCaseType is not null && !CaseTypeKey().IsMatch(options.DefaultCaseType))
        {
            errors.Add($"{at}:DefaultCaseType must be a hub case type key (lowercase letters, digits and dashes), e.g. allmant, or left out.");
        }

        if (!Enum.IsDefined(options.DefaultClassification))
        {
            errors.Add($"{at}:DefaultClassification must be one of {string.Join(", ", Enum.GetNames<DataClassification>())}.");
        }

        if (options.SettleSeconds is < 0 or > 3600)
        {
            errors.Add($"{at}:SettleSeconds must be between 0 and 3600 (default 5): how long a file must be untouched before it is read.");
        }

        if (options.MaxFileMegabytes is < 1 or > 10240)
        {
            errors.Add($"{at}:MaxFileMegabytes must be between 1 and 10240 (default 100).");
        }

        if (!KnownTimeZone(options.TimeZone))
        {
            errors.Add($"{at}:TimeZone ({options.TimeZone}) is not a time zone this machine knows, e.g. Europe/Stockholm.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool KnownTimeZone(string? id)
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SourceSystemKey();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CaseTypeKey();
}
