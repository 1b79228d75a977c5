using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>
/// Splits a diarienummer into series, year and running number where it has the usual shape: "KS 2026/123",
/// "KS-2026/0412", "SBN.2026.45", "2016-000003". Anything else is kept as given, without parts.
/// </summary>
internal static partial class DiarienummerParser
{
    public static Diarienummer? Parse(string value)
    {
        if (value.Length is 0 or > 100)
        {
            return null;
        }

        var match = Shape().Match(value);
        if (!match.Success)
        {
            return new Diarienummer(value);
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var number = long.Parse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        return new Diarienummer(
            value,
            match.Groups["series"].Success ? match.Groups["series"].Value : null,
            year,
            number is >= 1 and <= int.MaxValue ? (int)number : null);
    }

    [GeneratedRegex(@"^(?:(?<series>\p{L}[\p{L}0-9]{0,19})[ .-]{0,2})?(?<year>(?:19|2[0-9])[0-9]{2})[ ./:-](?<number>[0-9]{1,9})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Shape();
}
