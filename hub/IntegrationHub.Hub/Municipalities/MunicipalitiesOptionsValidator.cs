using System.Text.RegularExpressions;
using IntegrationHub.Hub.Diary.Numbering;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Municipalities;

/// <summary>Checks <c>Hub:Municipalities</c> at start, with one sentence per problem naming the setting to fix.</summary>
public sealed partial class MunicipalitiesOptionsValidator : IValidateOptions<MunicipalitiesOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MunicipalitiesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (code, municipality) in options.Municipalities)
        {
            var at = $"{MunicipalitiesOptions.Section}:{code}";
            if (!Kommunkod().IsMatch(code))
            {
                failures.Add($"{at}: '{code}' is not a four-digit kommunkod (e.g. 2281 for Sundsvall).");
            }

            foreach (var (series, diary) in municipality.Diaries)
            {
                if (!SeriesCode().IsMatch(series))
                {
                    failures.Add($"{at}:Diaries:{series}: a diary's series code is 1–10 capital letters or digits (KS, BUN, SBN).");
                }
                else if (!DiarienummerFormat.TryParse(diary.Format, series, out _, out var error))
                {
                    failures.Add($"{at}:Diaries:{series}:Format: {error}");
                }
            }

            foreach (var (caseType, rule) in municipality.CaseTypes)
            {
                var ruleAt = $"{at}:CaseTypes:{caseType}";
                if (!CaseTypeKey().IsMatch(caseType))
                {
                    failures.Add($"{ruleAt}: a case type key is lower-case letters, digits and hyphens, as in the events' data.case.caseType.");
                }

                if (rule.Diary is not null && rule.DiarySource is not null)
                {
                    failures.Add($"{ruleAt}: set either Diary (the hub registers) or DiarySource (a source system registers), not both.");
                }
                else if (rule.Diary is { } diary && !municipality.Diaries.ContainsKey(diary))
                {
                    var diaries = string.Join(", ", municipality.Diaries.Keys.Order(StringComparer.Ordinal));
                    failures.Add($"{ruleAt}:Diary names '{diary}', which is not a diary of {code} (its diaries: {(diaries.Length > 0 ? diaries : "none")}).");
                }
                else if (rule.DiarySource is { } source && !SourceSystem().IsMatch(source))
                {
                    failures.Add($"{ruleAt}:DiarySource must be a source system key such as 'platina' (lower-case letters, digits, hyphens).");
                }

                if (rule.ServicePromiseWorkingDays is < 1 or > 1000)
                {
                    failures.Add($"{ruleAt}:ServicePromiseWorkingDays must be between 1 and 1000 working days.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex Kommunkod();

    [GeneratedRegex("^[A-ZÅÄÖ0-9]{1,10}$")]
    private static partial Regex SeriesCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CaseTypeKey();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SourceSystem();
}
