using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>
/// Keeps Platina's diarienummer as given and adds its parts when it has a recognisable form: "BN 2026/45",
/// "KS-2026/0412", "SBN 2026-1187" (series, year, number) or "2026-000347" (year, number).
/// </summary>
internal static partial class DiarienummerParser
{
    public static Diarienummer? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 100)
        {
            text = text[..100];
        }

        var match = WithSeries().Match(text);
        if (!match.Success)
        {
            match = WithoutSeries().Match(text);
        }

        if (!match.Success || !int.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return new Diarienummer(text);
        }

        var series = match.Groups["series"].Success ? match.Groups["series"].Value : null;
        return new Diarienummer(text, series, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), number);
    }

    [GeneratedRegex("^(?<series>[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9.]{0,19})[ -]?(?<year>(19|2[0-9])[0-9]{2})[/-](?<number>[0-9]{1,9})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WithSeries();

    [GeneratedRegex("^(?<year>(19|2[0-9])[0-9]{2})[/-](?<number>[0-9]{1,9})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WithoutSeries();
}
