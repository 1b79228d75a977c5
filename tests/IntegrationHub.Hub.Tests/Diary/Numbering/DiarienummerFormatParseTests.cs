using IntegrationHub.Hub.Diary.Numbering;

namespace IntegrationHub.Hub.Tests.Diary.Numbering;

public sealed class DiarienummerFormatParseTests
{
    [Theory]
    [InlineData("{series} {year}/{number}", "KS")]
    [InlineData("{series}-{year}/{number:4}", "KS")]
    [InlineData("{year}-{number:6}", "KS")]
    [InlineData("{year}-{number:6}", "")]
    [InlineData("Dnr {series}.{yy}.{number:9}", "SBN")]
    [InlineData("{number}/{year}", "BUN")]
    public void Parse_ValidPattern_KeepsPatternAndSeries(string pattern, string series)
    {
        var format = DiarienummerFormat.Parse(pattern, series);

        Assert.Equal(pattern, format.Pattern);
        Assert.Equal(series, format.Series);
        Assert.Equal(pattern, format.ToString());
    }

    [Theory]
    [InlineData("{series} {year}/{nummer}", "unknown token \"{nummer}\" (did you mean {number}?)")]
    [InlineData("{series} {år}/{number}", "unknown token \"{år}\" (did you mean {year}?)")]
    [InlineData("{serie} {year}/{number}", "unknown token \"{serie}\" (did you mean {series}?)")]
    [InlineData("{series} {Year}/{number}", "unknown token \"{Year}\" (did you mean {year}?)")]
    [InlineData("{series} {year}/{nummer:4}", "unknown token \"{nummer:4}\" (did you mean {number:4}?)")]
    [InlineData("{series} {year}/{number} {foo}", "unknown token \"{foo}\"; the tokens are {series}, {year}, {yy}, {number} and {number:N}")]
    [InlineData("{series} {year}/{}{number}", "unknown token \"{}\"")]
    public void Parse_UnknownToken_ThrowsNamingTheTokenAndSuggestingAFix(string pattern, string expected)
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse(pattern, "KS"));

        Assert.Contains($"\"{pattern}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{series} {year}", "no running number")]
    [InlineData("{series} {year}/{number}-{number:3}", "2 running-number tokens")]
    [InlineData("{series} {number}", "no year")]
    [InlineData("{series} {year}/{yy}-{number}", "2 year tokens ({year} and {yy})")]
    [InlineData("{series} {year}/{year}-{number}", "2 year tokens ({year} and {year})")]
    [InlineData("{series}{series} {year}/{number}", "{series} 2 times")]
    [InlineData("", "no running number")]
    public void Parse_WrongNumberOfTokens_ThrowsNamingThePatternAndTheProblem(string pattern, string expected)
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse(pattern, "KS"));

        Assert.Contains($"\"{pattern}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PatternWithoutNumberToken_ThrowsNamingThePattern()
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse("{series} {year}", "KS"));

        Assert.Equal(
            "Diarienummer pattern \"{series} {year}\" for series \"KS\" is not valid: it has no running number; add {number}, or {number:N} to pad it with zeros to N digits.",
            error.Message);
    }

    [Theory]
    [InlineData("{year}-{number:0}")]
    [InlineData("{year}-{number:10}")]
    [InlineData("{year}-{number:04}")]
    [InlineData("{year}-{number:x}")]
    [InlineData("{year}-{number:}")]
    [InlineData("{year}-{number:-1}")]
    public void Parse_BadPadding_ThrowsExplainingHowToWriteIt(string pattern)
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse(pattern, "KS"));

        Assert.Contains($"\"{pattern}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad padding: write {number:N} with N a single digit from 1 to 9", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the tokens are", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{series} {year/{number}", "the \"{\" at position 10 is never closed")]
    [InlineData("{series} {year}/{number", "the \"{\" at position 17 is never closed")]
    [InlineData("{series} {year}}/{number}", "the \"}\" at position 16 has no matching \"{\"")]
    [InlineData("{series} {year}/\t{number}", "control character (U+0009) at position 17")]
    [InlineData(" {series} {year}/{number}", "starts or ends with white space")]
    [InlineData("{series} {year}/{number} ", "starts or ends with white space")]
    public void Parse_MalformedPattern_ThrowsSayingWhere(string pattern, string expected)
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse(pattern, "KS"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ListsThemAll()
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse("{series} {nummer}", "KS"));

        Assert.Contains("unknown token \"{nummer}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("no running number", error.Message, StringComparison.Ordinal);
        Assert.Contains("no year", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeriesTokenButNoSeriesCode_Throws()
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse("{series} {year}/{number}", ""));

        Assert.Contains("uses {series} but the diary has no series code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("K S")]
    [InlineData("KS/1")]
    [InlineData("{KS}")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Parse_InvalidSeriesCode_ThrowsNamingTheSeries(string series)
    {
        var error = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse("{series} {year}/{number}", series));

        Assert.Contains($"the series code \"{series}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SÄN")]
    [InlineData("KS-AU")]
    [InlineData("MBN_2")]
    public void Parse_SeriesWithSwedishLettersDigitsAndPunctuation_IsAccepted(string series)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", series);

        Assert.Equal(series, format.Series);
    }

    [Fact]
    public void Parse_NullPattern_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => DiarienummerFormat.Parse(null!, "KS"));
    }

    [Fact]
    public void TryParse_InvalidPattern_ReturnsFalseWithTheMessageParseThrows()
    {
        var thrown = Assert.Throws<DiarienummerFormatException>(() => DiarienummerFormat.Parse("{series} {yeer}/{number}", "KS"));

        var parsed = DiarienummerFormat.TryParse("{series} {yeer}/{number}", "KS", out var format, out var error);

        Assert.False(parsed);
        Assert.Null(format);
        Assert.Equal(thrown.Message, error);
    }

    [Fact]
    public void TryParse_ValidPattern_ReturnsFormatAndNoError()
    {
        var parsed = DiarienummerFormat.TryParse("{series} {year}/{number}", "KS", out var format, out var error);

        Assert.True(parsed);
        Assert.NotNull(format);
        Assert.Null(error);
    }

    [Fact]
    public void TryParse_NullPattern_ReturnsFalse()
    {
        Assert.False(DiarienummerFormat.TryParse(null!, "KS", out _, out var error));
        Assert.Contains("no running number", error, StringComparison.Ordinal);
    }
}
