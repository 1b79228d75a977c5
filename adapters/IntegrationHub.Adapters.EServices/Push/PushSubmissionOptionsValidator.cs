using System.Text.RegularExpressions;
using IntegrationHub.Adapters.EServices.Push.Mapping;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>Checks a pushing platform's settings at start-up; every message names the setting and what to put there.</summary>
internal sealed partial class PushSubmissionOptionsValidator : IValidateOptions<PushSubmissionOptions>
{
    private const long MaxBody = 200L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, PushSubmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var at = $"{PushSubmissionOptions.Section}:{name}";
        var errors = new List<string>();
        if (options.Municipality is null || !Kommunkod().IsMatch(options.Municipality))
        {
            errors.Add($"{at}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.");
        }

        if (!PushKeys.IsSourceSystemKey(options.SourceSystem) || options.SourceSystem!.Length > 50)
        {
            errors.Add($"{at}:SourceSystem is required: the hub's key for the platform's cases, lowercase letters, digits and dashes, e.g. artvise or selfpoint.");
        }

        if (options.Platform is { Length: > 80 })
        {
            errors.Add($"{at}:Platform must be at most 80 characters: the platform's name as people say it, e.g. Artvise.");
        }

        CheckAuthentication(at, options, errors);
        if (!Enum.IsDefined(options.Format))
        {
            errors.Add($"{at}:Format must be Json or Xml.");
        }

        if (options.MaxBodyBytes is < 1024 or > MaxBody)
        {
            errors.Add($"{at}:MaxBodyBytes must be between 1024 and {MaxBody} bytes (default 20971520, 20 MiB; attachments are base64 in the body).");
        }

        CheckCaseTypes(at, options, errors);
        if (options.DefaultTitle is { Length: > 500 })
        {
            errors.Add($"{at}:DefaultTitle must be at most 500 characters.");
        }

        if (string.IsNullOrWhiteSpace(options.Mapping.SubmissionId))
        {
            errors.Add($"{at}:Mapping:SubmissionId is required: the {(options.Format == PushFormat.Xml ? "XPath" : "JSONPath")} of the submission's own id, e.g. {(options.Format == PushFormat.Xml ? "/sp:Arende/sp:Metadata/sp:ArendeId" : "$.submissionId")} (it makes a re-push a duplicate).");
        }

        var attachments = !string.IsNullOrWhiteSpace(options.Mapping.Attachments);
        if (attachments && (string.IsNullOrWhiteSpace(options.Mapping.AttachmentName) || string.IsNullOrWhiteSpace(options.Mapping.AttachmentContent)))
        {
            errors.Add($"{at}:Mapping:AttachmentName and {at}:Mapping:AttachmentContent are required with Mapping:Attachments: where one attachment's file name and base64 content sit, relative to it.");
        }

        PushInstance.TryCreate(name ?? string.Empty, options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckAuthentication(string at, PushSubmissionOptions options, List<string> errors)
    {
        if (!Enum.IsDefined(options.Authentication))
        {
            errors.Add($"{at}:Authentication must be Hmac (a signature of the body with a shared secret) or ApiKey (a key in a header).");
        }
        else if (options.Authentication == PushAuthentication.Hmac)
        {
            if (!IsHeaderName(options.SignatureHeader))
            {
                errors.Add($"{at}:SignatureHeader must be the name of the header carrying the signature, e.g. X-Signature.");
            }

            if (options.SignaturePrefix is null || options.SignaturePrefix.Length > 20 || options.SignaturePrefix.Any(char.IsWhiteSpace))
            {
                errors.Add($"{at}:SignaturePrefix must be what precedes the hex signature, at most 20 characters without spaces, e.g. sha256= (or empty).");
            }

            if (options.TimestampHeader is not null && !IsHeaderName(options.TimestampHeader))
            {
                errors.Add($"{at}:TimestampHeader must be the name of the header carrying the time of sending, e.g. X-Timestamp, or be left out.");
            }

            if (options.MaxClockSkew < TimeSpan.FromSeconds(10) || options.MaxClockSkew > TimeSpan.FromHours(1))
            {
                errors.Add($"{at}:MaxClockSkew must be between 00:00:10 and 01:00:00 (default 00:05:00).");
            }
        }
        else if (!IsHeaderName(options.ApiKeyHeader))
        {
            errors.Add($"{at}:ApiKeyHeader must be the name of the header carrying the key, e.g. X-Api-Key.");
        }

        var what = options.Authentication == PushAuthentication.ApiKey ? "API key" : "shared HMAC secret";
        if (!string.IsNullOrEmpty(options.Secret))
        {
            if (options.Authentication == PushAuthentication.Hmac && options.Secret.Length < 16)
            {
                errors.Add($"{at}:Secret must be at least 16 characters: a {what} that cannot be guessed.");
            }

            return;
        }

        if (string.IsNullOrEmpty(options.SecretFile))
        {
            errors.Add($"{at}:Secret is required: the {what}, set it from an environment variable ({at.Replace(":", "__", StringComparison.Ordinal)}__Secret) or name a file with {at}:SecretFile.");
        }
        else if (!File.Exists(options.SecretFile))
        {
            errors.Add($"{at}:SecretFile names a file that does not exist: {options.SecretFile}.");
        }
    }

    private static void CheckCaseTypes(string at, PushSubmissionOptions options, List<string> errors)
    {
        if (options.CaseType is not null && !PushKeys.IsCaseTypeKey(options.CaseType))
        {
            errors.Add($"{at}:CaseType must be a hub case type key (lowercase letters, digits and dashes), e.g. felanmalan-gata.");
        }

        foreach (var (value, key) in options.CaseTypes)
        {
            if (!PushKeys.IsCaseTypeKey(key))
            {
                errors.Add($"{at}:CaseTypes:{value} must be a hub case type key (lowercase letters, digits and dashes), e.g. forskoleplats.");
            }
        }
    }

    private static bool IsHeaderName(string? name) => name is not null && HeaderName().IsMatch(name);

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Kommunkod();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")]
    private static partial Regex HeaderName();
}
