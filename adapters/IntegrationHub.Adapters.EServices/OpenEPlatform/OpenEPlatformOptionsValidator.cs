using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>Checks an Open ePlatform instance's settings at start-up; every message names the setting and what to put there.</summary>
internal sealed partial class OpenEPlatformOptionsValidator : IValidateOptions<OpenEPlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenEPlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var at = $"{OpenEPlatformOptions.Section}:{name}";
        var errors = new List<string>();
        if (options.Municipality is null || !Kommunkod().IsMatch(options.Municipality))
        {
            errors.Add($"{at}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.");
        }

        if (options.BaseUrl is not { IsAbsoluteUri: true } url || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            errors.Add($"{at}:BaseUrl is required: the https address of the Open ePlatform installation, e.g. https://e-tjanster.kommun.se/oep/ (plain http only on loopback).");
        }

        CheckCredentials(at, options, errors);
        CheckReading(at, options, errors);
        foreach (var (familyId, family) in options.Families)
        {
            CheckFamily($"{at}:Families:{familyId}", familyId, family, errors);
        }

        CheckCallback(at, options, errors);
        CheckResilience($"{at}:Resilience", options.Resilience, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckCredentials(string at, OpenEPlatformOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.Username) || options.Username.Contains(':', StringComparison.Ordinal))
        {
            errors.Add($"{at}:Username is required: the Open ePlatform integration user with access to the instance API and the callback (no ':').");
        }

        if (!string.IsNullOrEmpty(options.Password))
        {
            return;
        }

        if (string.IsNullOrEmpty(options.PasswordFile))
        {
            errors.Add($"{at}:Password is required: set it from an environment variable ({at.Replace(":", "__", StringComparison.Ordinal)}__Password) or name a file with {at}:PasswordFile.");
        }
        else if (!File.Exists(options.PasswordFile))
        {
            errors.Add($"{at}:PasswordFile names a file that does not exist: {options.PasswordFile}.");
        }
    }

    private static void CheckReading(string at, OpenEPlatformOptions options, List<string> errors)
    {
        var fields = options.Schedule?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        if (fields is < 6 or > 7)
        {
            errors.Add($"{at}:Schedule must be a Quartz cron expression with seconds first, e.g. \"0 0/5 * * * ?\" for every five minutes.");
        }

        if (!string.IsNullOrEmpty(options.StartDate) && !DateOnly.TryParseExact(options.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{at}:StartDate must be a date written yyyy-MM-dd, e.g. 2026-03-01 (or empty: the day of the first poll).");
        }

        if (options.BatchSize is < 1 or > 500)
        {
            errors.Add($"{at}:BatchSize must be between 1 and 500 flow instances per batch (default 20).");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{at}:TimeoutSeconds must be between 1 and 600 (seconds one HTTP attempt may take; default 30).");
        }

        if (string.IsNullOrWhiteSpace(options.PdfPath) || !options.PdfPath.Contains("{id}", StringComparison.Ordinal)
            || !Uri.TryCreate(options.PdfPath.Replace("{id}", "1", StringComparison.Ordinal), UriKind.Relative, out _))
        {
            errors.Add($"{at}:PdfPath must be a path relative to BaseUrl with {{id}} for the flow instance id, e.g. api/instanceapi/getinstance/{{id}}/pdf.");
        }

        if (!string.IsNullOrEmpty(options.CitizenLink) && (!options.CitizenLink.Contains("{id}", StringComparison.Ordinal)
            || !Uri.TryCreate(options.CitizenLink.Replace("{id}", "1", StringComparison.Ordinal), UriKind.Absolute, out var link)
            || !(link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"{at}:CitizenLink must be an absolute address with {{id}}, e.g. https://e-tjanster.kommun.se/oep/minasidor/arende/{{id}} (or empty).");
        }

        if (!CanonicalNames.TryParse<DataClassification>(options.DefaultClassification, out _))
        {
            errors.Add($"{at}:DefaultClassification must be public, internal, confidential or restricted (default internal).");
        }

        if (options.Families.Count == 0)
        {
            errors.Add($"{at}:Families must name at least one flow family to read, e.g. {at}:Families:101:CaseType = bygglov.");
        }
    }

    private static void CheckFamily(string at, string familyId, OpenEPlatformFamilyOptions family, List<string> errors)
    {
        if (!int.TryParse(familyId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            errors.Add($"{at} must be keyed by the numeric flow family id (FamilyID in the instance XML), e.g. Families:101.");
        }

        if (string.IsNullOrWhiteSpace(family.CaseType) || !CaseTypeKey().IsMatch(family.CaseType))
        {
            errors.Add($"{at}:CaseType is required: a hub case type key (lowercase letters, digits and dashes), e.g. bygglov.");
        }

        if (family.Title is { Length: > 500 })
        {
            errors.Add($"{at}:Title must be at most 500 characters.");
        }

        if (string.IsNullOrWhiteSpace(family.Headline) || family.Headline.Length > 120)
        {
            errors.Add($"{at}:Headline must be 1 to 120 characters of plain language, e.g. \"Vi har tagit emot din ansökan om bygglov\".");
        }

        foreach (var (key, value) in new[] { ("Authority", family.Authority), ("Unit", family.Unit) })
        {
            if (value is not null && !OrganisationId().IsMatch(value))
            {
                errors.Add($"{at}:{key} must be an organisation id of letters, digits, '.', '_' and '-' (at most 50), e.g. SBN or bygglov.");
            }
        }

        if (family.Classification is not null && !CanonicalNames.TryParse<DataClassification>(family.Classification, out _))
        {
            errors.Add($"{at}:Classification must be public, internal, confidential or restricted (or empty: DefaultClassification).");
        }

        foreach (var (question, target) in family.Fields)
        {
            if (!FieldTargets.IsValid(target))
            {
                errors.Add($"{at}:Fields:{question} must be case.title, unit, document.title, event.description or parties.{{role}} (e.g. parties.applicant, parties.property-owner).");
            }
        }
    }

    private static void CheckCallback(string at, OpenEPlatformOptions options, List<string> errors)
    {
        var callback = options.Callback;
        if (!callback.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(callback.Path) || !Uri.TryCreate(callback.Path, UriKind.Relative, out _))
        {
            errors.Add($"{at}:Callback:Path must be the callback service's path relative to BaseUrl, e.g. api/callback.");
        }

        if (string.IsNullOrWhiteSpace(callback.ExternalSystem) || callback.ExternalSystem.Length > 100)
        {
            errors.Add($"{at}:Callback:ExternalSystem must name the hub to Open ePlatform (1 to 100 characters), e.g. IntegrationHub.");
        }

        if (string.IsNullOrWhiteSpace(callback.MessageUserId))
        {
            errors.Add($"{at}:Callback:MessageUserId must be the user id messages are posted as, e.g. IntegrationHub.");
        }

        foreach (var type in callback.MessageEventTypes ?? [])
        {
            if (!CaseEventTypes.All.Contains(CaseEventTypes.Prefix + type?.Trim()))
            {
                errors.Add($"{at}:Callback:MessageEventTypes has '{type}': use short event types such as decided, paused, closed.");
            }
        }

        foreach (var (key, status) in options.StatusMapping)
        {
            var type = key.Split('/', 2)[0].Trim();
            if (!CaseEventTypes.All.Contains(CaseEventTypes.Prefix + type))
            {
                errors.Add($"{at}:StatusMapping:{key} must be keyed by a short event type (opened, status-changed, decided, paused, resumed, closed, reopened …), optionally with /{{source status}}.");
            }
            else if (status is { Length: > 255 })
            {
                errors.Add($"{at}:StatusMapping:{key} must be an Open ePlatform status name of at most 255 characters, e.g. Under behandling (empty: set nothing).");
            }
        }
    }

    private static void CheckResilience(string at, OpenEPlatformResilienceOptions resilience, List<string> errors)
    {
        if (resilience.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{at}:MaxRetries must be between 0 and 10 (default 3).");
        }

        if (resilience.RetryDelay <= TimeSpan.Zero || resilience.RetryDelay > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{at}:RetryDelay must be a positive time span up to 00:05:00, e.g. 00:00:01.");
        }

        if (resilience.FailureRatio is <= 0 or > 1)
        {
            errors.Add($"{at}:FailureRatio must be above 0 and at most 1, e.g. 0.5 (half the calls failed).");
        }

        if (resilience.MinimumThroughput < 2)
        {
            errors.Add($"{at}:MinimumThroughput must be at least 2 calls (default 10).");
        }

        foreach (var (key, value) in new[] { ("SamplingDuration", resilience.SamplingDuration), ("BreakDuration", resilience.BreakDuration) })
        {
            if (value < TimeSpan.FromMilliseconds(500) || value > TimeSpan.FromDays(1))
            {
                errors.Add($"{at}:{key} must be between 00:00:00.5 and 1.00:00:00, e.g. 00:00:30.");
            }
        }
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Kommunkod();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CaseTypeKey();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex OrganisationId();
}
