using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>
/// Reads the parts of a diarienummer a source system sent when no format is configured for its
/// diary. Sweden has no national format, so this recognises the common shapes only.
/// </summary>
/// <remarks>
/// Accepted, with white space around the value ignored:
/// <list type="bullet">
/// <item>an optional series of 1–10 letters (A–Z, Å, Ä, Ö, either case, returned as written)
/// followed by one separator: a space, a no-break space, '-' or '.';</item>
/// <item>a four-digit year from 1900 to 2999;</item>
/// <item>one separator: '/', ':', '-' or '.';</item>
/// <item>a running number of 1–10 digits, leading zeros allowed, at least 1.</item>
/// </list>
/// So <c>KS 2021/655</c>, <c>KS-2012/837</c>, <c>KS 2012/0837</c>, <c>BUN 2026:14</c>,
/// <c>2016-000003</c> and <c>SBN.2026.112</c> all read. Not accepted: two-digit years (KS 21/655,
/// too easily something else), series with digits or spaces, a "Dnr" prefix, spaces around the
/// year separator, and document numbers with a suffix (KS 2021/655-3), which are not case numbers.
/// A diary with another shape needs a configured <see cref="DiarienummerFormat"/>.
/// </remarks>
public static partial class DiarienummerReader
{
    // Far longer than any shape accepted here; keeps hostile input cheap.
    private const int MaxReadLength = 40;

    /// <summary>Reads <paramref name="value"/> if it has one of the common shapes.</summary>
    /// <returns>False when the value has none of them, or its year or running number is out of range.</returns>
    public static bool TryReadAny(string value, [NotNullWhen(true)] out DiarienummerParts? parts)
    {
        parts = null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxReadLength)
        {
            return false;
        }

        // Decomposed Å/Ä/Ö (A + combining ring) would otherwise not count as one letter.
        var match = CommonShape().Match(value.Trim().Normalize(NormalizationForm.FormC));
        if (!match.Success
            || !int.TryParse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < DiarienummerFormat.MinYear or > DiarienummerFormat.MaxYear)
        {
            return false;
        }

        var series = match.Groups["series"];
        parts = new DiarienummerParts(series.Success ? series.Value : null, year, number);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<series>[A-Za-zÅÄÖåäö]{1,10})[ \u00A0.\-])?(?<year>[0-9]{4})[/:.\-](?<number>[0-9]{1,10})\z", RegexOptions.CultureInvariant)]
    private static partial Regex CommonShape();
}
