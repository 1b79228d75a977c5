using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// The parsed parts of <c>data.case.diarienummer</c> must be visible in its <c>value</c>: the year as four
/// digits and the running number as a digit run (leading zeros allowed), e.g. "KS 2026/0412" has year 2026
/// and running number 412.
/// </summary>
internal static partial class DiarienummerRule
{
    public static void Check(JsonElement data, List<ValidationError> errors)
    {
        if (!JsonRead.TryObject(data, "case", out var caseRef)
            || !JsonRead.TryObject(caseRef, "diarienummer", out var diarienummer)
            || !JsonRead.TryString(diarienummer, "value", out var value))
        {
            return;
        }

        var runs = DigitRuns().Matches(value).Select(m => m.Value).ToList();
        if (JsonRead.TryInteger(diarienummer, "year", out var year))
        {
            var yearText = year.ToString(CultureInfo.InvariantCulture);
            if (!runs.Remove(yearText))
            {
                errors.Add(new ValidationError("/data/case/diarienummer/year", ValidationRules.DiarienummerParts,
                    "The year does not appear as four digits in the diarienummer value."));
            }
        }

        if (JsonRead.TryInteger(diarienummer, "runningNumber", out var runningNumber))
        {
            var runningText = runningNumber.ToString(CultureInfo.InvariantCulture);
            if (!runs.Exists(r => r.TrimStart('0') == runningText))
            {
                errors.Add(new ValidationError("/data/case/diarienummer/runningNumber", ValidationRules.DiarienummerParts,
                    "The running number does not appear as digits in the diarienummer value."));
            }
        }
    }

    [GeneratedRegex("[0-9]+", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DigitRuns();
}
