using System.Text.RegularExpressions;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Checks and finds Swedish identity numbers: personnummer, samordningsnummer and organisationsnummer.
/// The <c>IsValid…</c> methods accept only the canonical form used in case events (personnummer and
/// samordningsnummer 12 digits <c>YYYYMMDDNNNC</c>, organisationsnummer 10 digits, no hyphen);
/// <see cref="TryNormalizePersonalIdentityNumber"/> and <see cref="FindPersonalIdentityNumbers"/>
/// accept the ways people write them (<c>YYMMDD-NNNC</c>, <c>YYMMDD+NNNC</c>, <c>YYYYMMDD-NNNC</c> …).
/// Nothing here ever puts a number into an exception message.
/// </summary>
public static partial class SwedishIdentityNumbers
{
    private const int SamordningsnummerDayOffset = 60;

    /// <summary>True when <paramref name="value"/> is a canonical, valid personnummer.</summary>
    /// <param name="value">12 digits, e.g. <c>191212121212</c>.</param>
    public static bool IsValidPersonnummer(string? value) => IsValidPersonnummer(value, out _);

    /// <summary>True when <paramref name="value"/> is a canonical, valid personnummer; otherwise says why not.</summary>
    /// <param name="value">12 digits, e.g. <c>191212121212</c>.</param>
    /// <param name="problem">The first problem found: format, date or check digit.</param>
    public static bool IsValidPersonnummer(string? value, out IdentityNumberProblem problem)
    {
        problem = CheckPersonal(value, dayOffset: 0);
        return problem == IdentityNumberProblem.None;
    }

    /// <summary>True when <paramref name="value"/> is a canonical, valid samordningsnummer (day of birth plus 60).</summary>
    /// <param name="value">12 digits, e.g. <c>191212721211</c>.</param>
    public static bool IsValidSamordningsnummer(string? value) => IsValidSamordningsnummer(value, out _);

    /// <summary>True when <paramref name="value"/> is a canonical, valid samordningsnummer; otherwise says why not.</summary>
    /// <param name="value">12 digits, e.g. <c>191212721211</c>.</param>
    /// <param name="problem">The first problem found: format, date (day not 61–91 or not a real date) or check digit.</param>
    public static bool IsValidSamordningsnummer(string? value, out IdentityNumberProblem problem)
    {
        problem = CheckPersonal(value, SamordningsnummerDayOffset);
        return problem == IdentityNumberProblem.None;
    }

    /// <summary>True when <paramref name="value"/> is a canonical, valid organisationsnummer.</summary>
    /// <param name="value">10 digits, e.g. <c>2120002411</c>.</param>
    public static bool IsValidOrganisationsnummer(string? value) => IsValidOrganisationsnummer(value, out _);

    /// <summary>True when <paramref name="value"/> is a canonical, valid organisationsnummer; otherwise says why not.</summary>
    /// <param name="value">10 digits, e.g. <c>2120002411</c>.</param>
    /// <param name="problem">The first problem found: format, form (third digit below 2) or check digit.</param>
    public static bool IsValidOrganisationsnummer(string? value, out IdentityNumberProblem problem)
    {
        problem = CheckOrganisation(value);
        return problem == IdentityNumberProblem.None;
    }

    /// <summary>True when the last digit of <paramref name="digits"/> is the Luhn check digit of the others.</summary>
    /// <param name="digits">ASCII digits only; anything else gives false.</param>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2 || !AllAsciiDigits(digits))
        {
            return false;
        }

        return ComputeLuhnCheckDigit(digits[..^1]) == digits[^1] - '0';
    }

    /// <summary>
    /// Computes the Luhn check digit (kontrollsiffra) for <paramref name="digits"/>, weighting from the left
    /// with 2, 1, 2, 1 … as Skatteverket and Bolagsverket do for 9 digits (YYMMDDNNN or an organisationsnummer's first 9).
    /// </summary>
    /// <param name="digits">ASCII digits without the check digit.</param>
    /// <exception cref="ArgumentException">When <paramref name="digits"/> is empty or contains a non-digit.</exception>
    public static int ComputeLuhnCheckDigit(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || !AllAsciiDigits(digits))
        {
            throw new ArgumentException("Only ASCII digits are allowed.", nameof(digits));
        }

        // Weight 2 falls on the digit right before the check digit, counting from the right.
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            var product = i % 2 == 0 ? digit * 2 : digit;
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>
    /// Turns a personnummer or samordningsnummer as people write it into the canonical 12-digit form and
    /// checks it. A two-digit year is placed in the latest century that does not put the birth date after
    /// <paramref name="referenceDate"/>; a <c>+</c> separator means 100 years or older.
    /// </summary>
    /// <param name="written">E.g. <c>121212-1212</c>, <c>19121212-1212</c>, <c>191212121212</c>, <c>121212+1212</c>.</param>
    /// <param name="referenceDate">Today, or the date the text was written.</param>
    /// <param name="canonical">The 12-digit number when valid; otherwise empty.</param>
    /// <param name="kind">Whether it is a personnummer or a samordningsnummer.</param>
    public static bool TryNormalizePersonalIdentityNumber(
        string? written, DateOnly referenceDate, out string canonical, out IdentityNumberKind kind)
    {
        canonical = string.Empty;
        kind = IdentityNumberKind.Personnummer;
        if (written is null)
        {
            return false;
        }

        var match = WrittenPersonalNumberRegex().Match(written.Trim());
        return match.Success && TryNormalize(match, referenceDate, out canonical, out kind);
    }

    /// <summary>
    /// Finds valid personnummer and samordningsnummer in free text (e.g. an e-mail body), in any of the
    /// written forms <see cref="TryNormalizePersonalIdentityNumber"/> accepts. Digit runs that are longer,
    /// have an impossible date or a wrong check digit are not reported.
    /// </summary>
    /// <param name="text">The text to search.</param>
    /// <param name="referenceDate">Today, or the date the text was written, used to place two-digit years.</param>
    public static IReadOnlyList<IdentityNumberMatch> FindPersonalIdentityNumbers(string text, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<IdentityNumberMatch>();
        foreach (Match match in EmbeddedPersonalNumberRegex().Matches(text))
        {
            if (TryNormalize(match, referenceDate, out var canonical, out var kind))
            {
                found.Add(new IdentityNumberMatch(match.Index, match.Length, canonical, kind));
            }
        }

        return found;
    }

    private static bool TryNormalize(Match match, DateOnly referenceDate, out string canonical, out IdentityNumberKind kind)
    {
        canonical = string.Empty;
        kind = IdentityNumberKind.Personnummer;
        var century = match.Groups["century"].Value;
        var separator = match.Groups["separator"].Value;
        var yymmdd = match.Groups["yymmdd"].Value;
        var serial = match.Groups["serial"].Value;

        string candidate;
        if (century.Length > 0)
        {
            if (separator == "+")
            {
                return false;
            }

            candidate = century + yymmdd + serial;
        }
        else
        {
            var twoDigitYear = ParseDigits(yymmdd.AsSpan(0, 2));
            var month = ParseDigits(yymmdd.AsSpan(2, 2));
            var day = ParseDigits(yymmdd.AsSpan(4, 2));
            if (day > SamordningsnummerDayOffset)
            {
                day -= SamordningsnummerDayOffset;
            }

            var year = referenceDate.Year - ((referenceDate.Year - twoDigitYear) % 100 + 100) % 100;
            if (IsRealDate(year, month, day) && new DateOnly(year, month, day) > referenceDate)
            {
                year -= 100;
            }

            if (separator == "+")
            {
                year -= 100;
            }

            if (year < 1800)
            {
                return false;
            }

            candidate = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + yymmdd[2..] + serial;
        }

        if (IsValidPersonnummer(candidate))
        {
            canonical = candidate;
            return true;
        }

        if (IsValidSamordningsnummer(candidate))
        {
            canonical = candidate;
            kind = IdentityNumberKind.Samordningsnummer;
            return true;
        }

        return false;
    }

    private static IdentityNumberProblem CheckPersonal(string? value, int dayOffset)
    {
        if (value is null || value.Length != 12 || !AllAsciiDigits(value) || !HasKnownCentury(value))
        {
            return IdentityNumberProblem.Format;
        }

        var year = ParseDigits(value.AsSpan(0, 4));
        var month = ParseDigits(value.AsSpan(4, 2));
        var day = ParseDigits(value.AsSpan(6, 2));
        if (dayOffset > 0 && (day <= dayOffset || day > dayOffset + 31))
        {
            return IdentityNumberProblem.Date;
        }

        if (!IsRealDate(year, month, day - dayOffset))
        {
            return IdentityNumberProblem.Date;
        }

        return IsLuhnValid(value.AsSpan(2)) ? IdentityNumberProblem.None : IdentityNumberProblem.CheckDigit;
    }

    private static IdentityNumberProblem CheckOrganisation(string? value)
    {
        if (value is null || value.Length != 10 || !AllAsciiDigits(value))
        {
            return IdentityNumberProblem.Format;
        }

        if (value[2] < '2')
        {
            return IdentityNumberProblem.OrganisationForm;
        }

        return IsLuhnValid(value) ? IdentityNumberProblem.None : IdentityNumberProblem.CheckDigit;
    }

    private static bool HasKnownCentury(string value) =>
        value.StartsWith("18", StringComparison.Ordinal)
        || value.StartsWith("19", StringComparison.Ordinal)
        || value.StartsWith("20", StringComparison.Ordinal);

    private static bool IsRealDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool AllAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int ParseDigits(ReadOnlySpan<char> digits)
    {
        var result = 0;
        foreach (var c in digits)
        {
            result = (result * 10) + (c - '0');
        }

        return result;
    }

    [GeneratedRegex(@"^(?:(?<century>18|19|20)(?<yymmdd>[0-9]{6})(?<separator>-?)|(?<yymmdd>[0-9]{6})(?<separator>[-+]?))(?<serial>[0-9]{4})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WrittenPersonalNumberRegex();

    [GeneratedRegex(@"(?<![0-9])(?:(?<century>18|19|20)(?<yymmdd>[0-9]{6})(?<separator>-?)|(?<yymmdd>[0-9]{6})(?<separator>[-+]?))(?<serial>[0-9]{4})(?![0-9])", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EmbeddedPersonalNumberRegex();
}
