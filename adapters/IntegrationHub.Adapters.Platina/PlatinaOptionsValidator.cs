using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Adapters.Platina.Outbound;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Platina;

/// <summary>Checks a Platina instance's settings at start-up; every message names the setting and what to put there.</summary>
internal sealed partial class PlatinaOptionsValidator : IValidateOptions<PlatinaOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatinaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var at = $"{PlatinaOptions.Section}:{name}";
        var errors = new List<string>();
        if (options.Municipality is null || !Kommunkod().IsMatch(options.Municipality))
        {
            errors.Add($"{at}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.");
        }

        if (options.BaseUrl is not { IsAbsoluteUri: true } url || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            errors.Add($"{at}:BaseUrl is required: the https address of the Platina integration API, e.g. https://platina.kommun.se/integration/v1/ (plain http only on loopback).");
        }

        CheckAuthentication(at, options, errors);
        CheckSchedule(at, options, errors);
        CheckResilience($"{at}:Resilience", options.Resilience, errors);
        CheckMapping($"{at}:Mapping", options.Mapping, errors);
        OutboundRulesValidator.Check($"{at}:Outbound:Rules", options.Outbound.Rules, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckAuthentication(string at, PlatinaOptions options, List<string> errors)
    {
        if (!Enum.IsDefined(options.Authentication))
        {
            errors.Add($"{at}:Authentication must be ApiKey (the key in a header) or Bearer (Authorization: Bearer).");
        }

        if (options.Authentication == PlatinaAuthentication.ApiKey && (string.IsNullOrWhiteSpace(options.ApiKeyHeader) || !HeaderName().IsMatch(options.ApiKeyHeader)))
        {
            errors.Add($"{at}:ApiKeyHeader must be the name of the header Platina reads the key from, e.g. X-Api-Key.");
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return;
        }

        if (string.IsNullOrEmpty(options.ApiKeyFile))
        {
            errors.Add($"{at}:ApiKey is required: set it from an environment variable ({at.Replace(":", "__", StringComparison.Ordinal)}__ApiKey) or name a file with {at}:ApiKeyFile.");
        }
        else if (!File.Exists(options.ApiKeyFile))
        {
            errors.Add($"{at}:ApiKeyFile names a file that does not exist: {options.ApiKeyFile}.");
        }
    }

    private static void CheckSchedule(string at, PlatinaOptions options, List<string> errors)
    {
        var fields = options.Schedule?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        if (fields is < 6 or > 7)
        {
            errors.Add($"{at}:Schedule must be a Quartz cron expression with seconds first, e.g. \"0 0/2 * * * ?\" for every two minutes.");
        }

        if (options.PageSize is < 1 or > 1000)
        {
            errors.Add($"{at}:PageSize must be between 1 and 1000 events per request (default 100).");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{at}:TimeoutSeconds must be between 1 and 600 (seconds one HTTP attempt may take; default 30).");
        }

        if (!CanonicalNames.TryParse<DataClassification>(options.DefaultClassification, out _))
        {
            errors.Add($"{at}:DefaultClassification must be public, internal, confidential or restricted (default internal).");
        }
    }

    private static void CheckResilience(string at, PlatinaResilienceOptions resilience, List<string> errors)
    {
        if (resilience.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{at}:MaxRetries must be between 0 and 10 (default 3).");
        }

        if (resilience.RetryDelay <= TimeSpan.Zero || resilience.RetryDelay > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{at}:RetryDelay must be a positive time span up to 00:05:00, e.g. 00:00:01.");
        }

        if (resilience.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{at}:MaxRetryAfter must not be negative, e.g. 00:00:30.");
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

    private static void CheckMapping(string at, PlatinaMappingOptions mapping, List<string> errors)
    {
        foreach (var (platina, hub) in mapping.CaseTypes)
        {
            if (string.IsNullOrWhiteSpace(hub) || !CaseTypeKey().IsMatch(hub))
            {
                errors.Add($"{at}:CaseTypes:{platina} must be a hub case type key (lowercase letters, digits and dashes), e.g. medborgarforslag.");
            }
        }

        foreach (var (platina, status) in mapping.Statuses)
        {
            if (!CanonicalNames.TryParse<CaseStatus>(status, out _))
            {
                errors.Add($"{at}:Statuses:{platina} must be an FGS case status: Öppet, Vilande, Stängt, Makulerat or Ad Acta.");
            }
        }

        foreach (var (platina, type) in mapping.EventTypes)
        {
            if (!string.IsNullOrEmpty(type) && !CanonicalNames.MappableEventTypes.Contains(type))
            {
                errors.Add($"{at}:EventTypes:{platina} must be empty (ignore the event) or one of: {string.Join(", ", CanonicalNames.MappableEventTypes.Order(StringComparer.Ordinal))}.");
            }
        }

        foreach (var (text, outcome) in mapping.DecisionOutcomes)
        {
            if (!CanonicalNames.TryParse<DecisionOutcome>(outcome, out _))
            {
                errors.Add($"{at}:DecisionOutcomes:{text} must be approved, partially-approved, rejected, dismissed, written-off or other.");
            }
        }

        foreach (var (field, pointer) in mapping.Fields.All())
        {
            if (!JsonPointers.IsValid(pointer))
            {
                errors.Add($"{at}:Fields:{field} must be a JSON pointer starting with '/', e.g. /case/diarienummer.");
            }
        }
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Kommunkod();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    internal static partial Regex CaseTypeKey();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")]
    private static partial Regex HeaderName();

    internal static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
