using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Canonical.Tests.Validation;

public sealed class SwedishIdentityNumbersTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("191212121212")] // Skatteverket's well-known test person Tolvan Tolvansson.
    [InlineData("202212122382")]
    [InlineData("199012123874")]
    [InlineData("200002291235")] // 29 February in a leap year divisible by 400.
    public void IsValidPersonnummer_CanonicalWithCorrectDateAndCheckDigit_ReturnsTrue(string value)
    {
        Assert.True(SwedishIdentityNumbers.IsValidPersonnummer(value, out var problem));
        Assert.Equal(IdentityNumberProblem.None, problem);
    }

    [Theory]
    [InlineData("191212121213", IdentityNumberProblem.CheckDigit)]
    [InlineData("191202301238", IdentityNumberProblem.Date)] // 30 February.
    [InlineData("190002291235", IdentityNumberProblem.Date)] // 1900 was not a leap year.
    [InlineData("191213121211", IdentityNumberProblem.Date)] // Month 13.
    [InlineData("191212001212", IdentityNumberProblem.Date)] // Day 0.
    [InlineData("191212721235", IdentityNumberProblem.Date)] // A samordningsnummer is not a personnummer.
    [InlineData("19121212-1212", IdentityNumberProblem.Format)] // Hyphen: not canonical.
    [InlineData("1212121212", IdentityNumberProblem.Format)] // 10 digits: century missing.
    [InlineData("171212121212", IdentityNumberProblem.Format)] // No such century.
    [InlineData("19121212121２", IdentityNumberProblem.Format)] // Full-width digit.
    [InlineData("", IdentityNumberProblem.Format)]
    [InlineData(null, IdentityNumberProblem.Format)]
    public void IsValidPersonnummer_Invalid_ReturnsFalseWithReason(string? value, IdentityNumberProblem expected)
    {
        Assert.False(SwedishIdentityNumbers.IsValidPersonnummer(value, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("191212721235")] // 12 December 1912 + 60.
    [InlineData("199001611236")] // 1 January 1990 + 60: day 61 is the lowest.
    [InlineData("199001911230")] // 31 January 1990 + 60: day 91 is the highest.
    public void IsValidSamordningsnummer_DayPlusSixtyAndCorrectCheckDigit_ReturnsTrue(string value)
    {
        Assert.True(SwedishIdentityNumbers.IsValidSamordningsnummer(value, out var problem), problem.ToString());
    }

    [Theory]
    [InlineData("191212451239", IdentityNumberProblem.Date)] // Day 45: neither a birth day nor +60.
    [InlineData("191212121212", IdentityNumberProblem.Date)] // A personnummer is not a samordningsnummer.
    [InlineData("199002891233", IdentityNumberProblem.Date)] // 29 February 1990 + 60 does not exist.
    [InlineData("191212721236", IdentityNumberProblem.CheckDigit)]
    [InlineData("19121272-1235", IdentityNumberProblem.Format)]
    public void IsValidSamordningsnummer_Invalid_ReturnsFalseWithReason(string value, IdentityNumberProblem expected)
    {
        Assert.False(SwedishIdentityNumbers.IsValidSamordningsnummer(value, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("2120002411")] // Sundsvalls kommun.
    [InlineData("2120000142")] // Stockholms kommun.
    [InlineData("5566778899")]
    [InlineData("7696001234")]
    public void IsValidOrganisationsnummer_TenDigitsWithCorrectCheckDigit_ReturnsTrue(string value)
    {
        Assert.True(SwedishIdentityNumbers.IsValidOrganisationsnummer(value));
    }

    [Theory]
    [InlineData("5566778898", IdentityNumberProblem.CheckDigit)]
    [InlineData("5510001232", IdentityNumberProblem.OrganisationForm)] // Third digit 1: the form of a personnummer.
    [InlineData("1212121212", IdentityNumberProblem.OrganisationForm)]
    [InlineData("556677-8899", IdentityNumberProblem.Format)]
    [InlineData("165566778899", IdentityNumberProblem.Format)] // The "16" prefix some systems add is not canonical.
    public void IsValidOrganisationsnummer_Invalid_ReturnsFalseWithReason(string value, IdentityNumberProblem expected)
    {
        Assert.False(SwedishIdentityNumbers.IsValidOrganisationsnummer(value, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("121212121", 2)]
    [InlineData("212000241", 1)]
    [InlineData("811218987", 6)] // Skatteverket's documentation example 811218-9876.
    public void ComputeLuhnCheckDigit_NineDigits_ReturnsTheTenth(string digits, int expected)
    {
        Assert.Equal(expected, SwedishIdentityNumbers.ComputeLuhnCheckDigit(digits));
    }

    [Fact]
    public void ComputeLuhnCheckDigit_NonDigit_ThrowsWithoutEchoingTheInput()
    {
        var exception = Assert.Throws<ArgumentException>(() => SwedishIdentityNumbers.ComputeLuhnCheckDigit("121212-121"));

        Assert.DoesNotContain("121212", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("121212-1212", "2012-12-11", "191212121212", IdentityNumberKind.Personnummer)] // 2012-12-12 would be in the future.
    [InlineData("121212-1212", "2026-03-02", "201212121212", IdentityNumberKind.Personnummer)] // Latest century not in the future.
    [InlineData("121212+1212", "2026-03-02", "191212121212", IdentityNumberKind.Personnummer)] // '+': 100 years or older.
    [InlineData("19121212-1212", "2026-03-02", "191212121212", IdentityNumberKind.Personnummer)]
    [InlineData("191212121212", "2026-03-02", "191212121212", IdentityNumberKind.Personnummer)]
    [InlineData("2212122382", "2026-03-02", "202212122382", IdentityNumberKind.Personnummer)]
    [InlineData(" 121272-1235 ", "2012-12-11", "191212721235", IdentityNumberKind.Samordningsnummer)]
    public void TryNormalizePersonalIdentityNumber_WrittenForm_ReturnsCanonical(
        string written, string referenceDate, string canonical, IdentityNumberKind kind)
    {
        var reference = DateOnly.ParseExact(referenceDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(SwedishIdentityNumbers.TryNormalizePersonalIdentityNumber(written, reference, out var actual, out var actualKind));
        Assert.Equal(canonical, actual);
        Assert.Equal(kind, actualKind);
    }

    [Theory]
    [InlineData("121212-1213")]
    [InlineData("19121212+1212")]
    [InlineData("121212--1212")]
    [InlineData("not a number")]
    [InlineData(null)]
    public void TryNormalizePersonalIdentityNumber_Invalid_ReturnsFalse(string? written)
    {
        Assert.False(SwedishIdentityNumbers.TryNormalizePersonalIdentityNumber(written, Today, out var canonical, out _));
        Assert.Equal(string.Empty, canonical);
    }

    [Fact]
    public void FindPersonalIdentityNumbers_MailBody_FindsValidNumbersInAnyWrittenForm()
    {
        const string body = "Hej! Jag heter Tolvan, pnr 19121212-1212. Min dotter har 221212-2382 och "
            + "samordningsnr 191212721235. Ordernr 1912121212120 och felaktigt 121212-1213 ska inte hittas. "
            + "Diarienummer 2026-000347.";

        var matches = SwedishIdentityNumbers.FindPersonalIdentityNumbers(body, Today);

        Assert.Equal(
            ["191212121212", "202212122382", "191212721235"],
            matches.Select(m => m.Canonical));
        Assert.Equal(
            [IdentityNumberKind.Personnummer, IdentityNumberKind.Personnummer, IdentityNumberKind.Samordningsnummer],
            matches.Select(m => m.Kind));
        Assert.Equal("19121212-1212", body.Substring(matches[0].Index, matches[0].Length));
    }

    [Fact]
    public void IdentityNumberMatch_ToString_DoesNotRevealTheNumber()
    {
        var match = new IdentityNumberMatch(4, 13, "191212121212", IdentityNumberKind.Personnummer);

        Assert.DoesNotContain("1212", match.ToString(), StringComparison.Ordinal);
    }
}
