using IntegrationHub.Adapters.Mailbox.Parsing;
using Xunit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

/// <summary>
/// Only published example numbers are used: Skatteverket's test personnummer 19121212-1212 (Tolvan Tolvansson) and
/// 19811218-9876, and the samordningsnummer 701063-2391 from Skatteverket's own description of the format.
/// Numbers built with <see cref="WithCheckDigit"/> all have impossible dates, so no real person's number appears here.
/// </summary>
public class PersonnummerDetectorTests
{
    /// <summary>Completes "YYMMDD-NNN" (any separator/century) with the right Luhn digit, so that only the date can be wrong.</summary>
    private static string WithCheckDigit(string withoutCheckDigit)
    {
        var digits = new string(withoutCheckDigit.Where(char.IsAsciiDigit).ToArray());
        var tenDigitPrefix = digits.Length == 11 ? digits[2..] : digits;
        return withoutCheckDigit + PersonnummerDetector.LuhnCheckDigit(tenDigitPrefix).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("121212-1212")]
    [InlineData("121212+1212")]
    [InlineData("191212121212")]
    [InlineData("1212121212")]
    [InlineData("121212 1212")]
    [InlineData("19121212 1212")]
    [InlineData("121212\u20131212")] // en dash, as word processors write it
    [InlineData("198112189876")]
    [InlineData("19811218-9876")]
    [InlineData("811218-9876")]
    [InlineData("8112189876")]
    public void All_forms_of_valid_personnummer_are_found(string number)
    {
        Assert.True(PersonnummerDetector.IsValid(number));
        Assert.True(PersonnummerDetector.ContainsPersonnummer("Mitt personnummer är " + number + "."));
        Assert.Equal(1, PersonnummerDetector.Count("(" + number + ")"));
    }

    [Theory]
    [InlineData("701063-2391")]
    [InlineData("19701063-2391")]
    [InlineData("197010632391")]
    [InlineData("7010632391")]
    public void Samordningsnummer_are_found(string number)
    {
        Assert.True(PersonnummerDetector.ContainsPersonnummer("Samordningsnummer: " + number));
    }

    [Theory]
    [InlineData("19121212-1213")]
    [InlineData("121212-1211")]
    [InlineData("198112189875")]
    [InlineData("701063-2392")]
    public void Wrong_check_digit_is_rejected(string number)
    {
        Assert.False(PersonnummerDetector.ContainsPersonnummer("Nummer " + number));
    }

    [Theory]
    [InlineData("121312-121")] // month 13
    [InlineData("121200-121")] // day 0
    [InlineData("120230-121")] // 30 February
    [InlineData("19230229-121")] // 1923 is not a leap year
    [InlineData("121292-121")] // samordningsnummer day 92 = 32nd
    [InlineData("121260-121")] // day 60 is neither a date nor a samordningsnummer
    [InlineData("20301212-121")] // in the future
    [InlineData("121212-000")] // serial 000 is never issued
    public void Impossible_dates_are_rejected_even_with_a_correct_check_digit(string withoutCheckDigit)
    {
        var number = WithCheckDigit(withoutCheckDigit);

        Assert.False(PersonnummerDetector.ContainsPersonnummer("Nummer " + number));
    }

    [Theory]
    [InlineData("Ring mig på 070-123 45 67.")]
    [InlineData("Växeln: 060-19 10 00")]
    [InlineData("Mobil +46 70 123 45 67")]
    [InlineData("+46701234567")]
    [InlineData("08-123 456 78")]
    [InlineData("0771-12 34 56")]
    public void Phone_numbers_do_not_match(string text)
    {
        Assert.False(PersonnummerDetector.ContainsPersonnummer(text));
    }

    [Theory]
    [InlineData("Konto 19121212121200")] // 14 digits that start with a valid 12-digit number
    [InlineData("Konto 00191212121212")]
    [InlineData("Kort 1234121212121256")] // 16 digits containing 1212121212
    [InlineData("Kort 4111 1111 1111 1111")]
    [InlineData("Clearing 8327-9, konto 121212121-2")]
    [InlineData("OCR 5121212121212")]
    public void Digits_inside_longer_numbers_do_not_match(string text)
    {
        Assert.False(PersonnummerDetector.ContainsPersonnummer(text));
    }

    [Theory]
    [InlineData("Ärende BN 2026/1234")]
    [InlineData("Dnr KS 2026/121212-1212")]
    [InlineData("Ärendenummer 2026/45 och 2026/17")]
    [InlineData("Datum 2026-12-02")]
    [InlineData("2026-12-02 12:12")]
    [InlineData("2026-12-02T12:12:12Z")]
    [InlineData("Beslutet 20261202")]
    [InlineData("Version 1.2.1.2.1.2-1212")]
    [InlineData("")]
    public void Case_numbers_dates_and_other_numbers_do_not_match(string text)
    {
        Assert.False(PersonnummerDetector.ContainsPersonnummer(text));
        Assert.Equal(0, PersonnummerDetector.Count(text));
    }

    [Fact]
    public void Count_counts_every_valid_occurrence()
    {
        const string text = "Sökande 19121212-1212, medsökande 811218-9876, tel 070-123 45 67, ogiltigt 121212-1213, igen 121212-1212.";

        Assert.Equal(3, PersonnummerDetector.Count(text));
    }

    [Fact]
    public void Luhn_check_digit()
    {
        Assert.Equal(2, PersonnummerDetector.LuhnCheckDigit("121212121"));
        Assert.Equal(6, PersonnummerDetector.LuhnCheckDigit("811218987"));
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => PersonnummerDetector.ContainsPersonnummer(null!));
        Assert.Throws<ArgumentNullException>(() => PersonnummerDetector.Count(null!));
    }
}
