using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// Finds Swedish personnummer and samordningsnummer in free text, so that a mail can be flagged as
/// containing sensitive personal data.
/// </summary>
/// <remarks>
/// Accepted forms: <c>YYMMDD-NNNN</c>, <c>YYMMDD+NNNN</c> (100 years or older), <c>YYYYMMDD-NNNN</c>,
/// <c>YYYYMMDDNNNN</c>, <c>YYMMDDNNNN</c>, and the same with a space (or an en dash / minus sign) instead
/// of the hyphen. A candidate counts only when its date is a real calendar date not in the future
/// (samordningsnummer: day + 60, i.e. 61–91) and the Luhn check digit over the ten-digit form is right.
/// Digits that are part of a longer number (account or card numbers, "2026/1234") never match, and
/// neither do phone numbers, which have no six- or eight-digit block. A ten-digit number written without
/// separators can still be a false positive about one time in ten when its first six digits form a
/// date; that is the price of finding <c>YYMMDDNNNN</c>.
/// </remarks>
internal static partial class PersonnummerDetector
{
    /// <summary>True when <paramref name="text"/> contains at least one valid personnummer or samordningsnummer.</summary>
    /// <exception cref="RegexMatchTimeoutException">The text took longer than the safety timeout to scan.</exception>
    public static bool ContainsPersonnummer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Matches(text, DateTime.UtcNow).Any();
    }

    /// <summary>The number of valid personnummer or samordningsnummer occurrences in <paramref name="text"/> (repeats counted).</summary>
    /// <exception cref="RegexMatchTimeoutException">The text took longer than the safety timeout to scan.</exception>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Matches(text, DateTime.UtcNow).Count();
    }

    /// <summary>Whether a single candidate (any accepted form, nothing around it) is valid, for tests and form fields.</summary>
    public static bool IsValid(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var match = Candidate().Match(candidate.Trim());
        return match.Success && match.Length == candidate.Trim().Length && IsValid(match, DateTime.UtcNow);
    }

    private static IEnumerable<Match> Matches(string text, DateTime now)
    {
        if (text.Length < 10)
        {
            yield break;
        }

        foreach (Match match in Candidate().Matches(text))
        {
            if (IsValid(match, now))
            {
                yield return match;
            }
        }
    }

    private static bool IsValid(Match match, DateTime now)
    {
        var yy = Number(match, "yy");
        var month = Number(match, "mm");
        var day = Number(match, "dd");
        var separator = match.Groups["sep"].Value;
        var serial = match.Groups["nnn"].Value;
        var check = Number(match, "c");

        if (month is < 1 or > 12 || serial == "000")
        {
            return false;
        }

        // Samordningsnummer: the day of birth plus 60.
        if (day > 60)
        {
            day -= 60;
        }

        if (day < 1)
        {
            return false;
        }

        var today = now.Date;
        int year;
        if (match.Groups["cc"].Success)
        {
            year = Number(match, "cc") * 100 + yy;
            if (year < 1800 || !IsRealDate(year, month, day) || new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc) > today)
            {
                return false;
            }
        }
        else
        {
            // Ten-digit form: the most recent matching year not in the future; "+" adds another century.
            year = today.Year / 100 * 100 + yy;
            if (year > today.Year || (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day))))
            {
                year -= 100;
            }

            if (separator == "+")
            {
                year -= 100;
            }

            if (!IsRealDate(year, month, day))
            {
                return false;
            }
        }

        var digits = match.Groups["yy"].Value + match.Groups["mm"].Value + match.Groups["dd"].Value + serial;
        return LuhnCheckDigit(digits) == check;
    }

    private static bool IsRealDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>The Luhn (mod 10) check digit for nine digits, weights 2, 1, 2, 1...</summary>
    internal static int LuhnCheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - sum % 10) % 10;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // Not preceded by a digit (also not by a digit and a separator, as in "2026/1234" or "5-121212...") and
    // not followed by one: the candidate must be a whole number, not a slice of an account or card number.
    [GeneratedRegex(
        @"(?<![0-9])(?<![0-9][-+/.,:\u2010\u2011\u2013\u2212])(?<cc>[0-9]{2})?(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})(?<sep>[-+ \u00A0\u2010\u2011\u2013\u2212]?)(?<nnn>[0-9]{3})(?<c>[0-9])(?![0-9])(?![-+/.,:\u2010\u2011\u2013\u2212][0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 2000)]
    private static partial Regex Candidate();
}
