using IntegrationHub.Hub.Diary.Numbering;

namespace IntegrationHub.Hub.Tests.Diary.Numbering;

public sealed class DiarienummerFormatTryReadTests
{
    [Theory]
    [InlineData("{series} {year}/{number}", "KS", "KS 2026/123", 2026, 123)]
    [InlineData("{series}-{year}/{number:4}", "KS", "KS-2026/0123", 2026, 123)]
    [InlineData("{series} {yy}/{number}", "BUN", "BUN 26/14", 2026, 14)]
    [InlineData("{series} {yy}/{number}", "BUN", "BUN 99/14", 2099, 14)]
    [InlineData("Dnr {series}.{year}.{number:3}", "SBN", "Dnr SBN.2026.007", 2026, 7)]
    [InlineData("{number}/{year}", "KS", "42/2026", 2026, 42)]
    [InlineData("{number}{year}", "KS", "422026", 2026, 42)]
    [InlineData("{year}{number:5}", "KS", "202600042", 2026, 42)]
    [InlineData("{series}+{year}(*){number}", "KS", "KS+2026(*)5", 2026, 5)]
    public void TryRead_NumberInTheFormat_ReturnsItsParts(string pattern, string series, string value, int year, int number)
    {
        var format = DiarienummerFormat.Parse(pattern, series);

        Assert.True(format.TryRead(value, out var parts));
        Assert.Equal(new DiarienummerParts(series, year, number), parts);
    }

    [Theory]
    [InlineData("KS-2026/123")]
    [InlineData("KS-2026/0123")]
    [InlineData("KS-2026/00123")]
    public void TryRead_PaddedFormat_AcceptsAnyPadding(string value)
    {
        var format = DiarienummerFormat.Parse("{series}-{year}/{number:4}", "KS");

        Assert.True(format.TryRead(value, out var parts));
        Assert.Equal(new DiarienummerParts("KS", 2026, 123), parts);
    }

    [Theory]
    [InlineData("BUN 2026/123")]
    [InlineData("K 2026/123")]
    [InlineData("KSA 2026/123")]
    [InlineData("ks 2026/123")]
    [InlineData("2026/123")]
    public void TryRead_NumberOfAnotherSeries_ReturnsFalse(string value)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.False(format.TryRead(value, out var parts));
        Assert.Null(parts);
    }

    [Theory]
    [InlineData("KS-2026/123")]
    [InlineData("KS 2026-123")]
    [InlineData("KS  2026/123")]
    [InlineData("KS 2026/123-2")]
    [InlineData("KS 26/123")]
    [InlineData("KS 2026/")]
    [InlineData("KS 2026/12a")]
    [InlineData("KS 2026/١٢٣")]
    [InlineData("")]
    [InlineData("   ")]
    public void TryRead_OtherShape_ReturnsFalse(string value)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.False(format.TryRead(value, out _));
    }

    [Theory]
    [InlineData("KS 2026/0")]
    [InlineData("KS 2026/0000")]
    [InlineData("KS 1899/5")]
    [InlineData("KS 3000/5")]
    [InlineData("KS 2026/2147483648")]
    public void TryRead_YearOrNumberOutOfRange_ReturnsFalse(string value)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.False(format.TryRead(value, out _));
    }

    [Theory]
    [InlineData(" KS 2026/123")]
    [InlineData("KS 2026/123\n")]
    [InlineData("\tKS 2026/123 ")]
    public void TryRead_WhiteSpaceAroundTheValue_IsIgnored(string value)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.True(format.TryRead(value, out var parts));
        Assert.Equal(new DiarienummerParts("KS", 2026, 123), parts);
    }

    [Fact]
    public void TryRead_FormatWithoutSeriesToken_ReportsTheDiarysSeries()
    {
        var format = DiarienummerFormat.Parse("{year}-{number:6}", "KS");

        Assert.True(format.TryRead("2016-000003", out var parts));
        Assert.Equal(new DiarienummerParts("KS", 2016, 3), parts);
    }

    [Fact]
    public void TryRead_DiaryWithoutSeries_ReportsNoSeries()
    {
        var format = DiarienummerFormat.Parse("{year}-{number:6}", "");

        Assert.True(format.TryRead("2016-000003", out var parts));
        Assert.Null(parts.Series);
    }

    [Fact]
    public void TryRead_SeriesWithDecomposedSwedishLetter_Reads()
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "SÄN");
        var decomposed = "SA\u0308N 2026/5";

        Assert.True(format.TryRead(decomposed, out var parts));
        Assert.Equal("SÄN", parts.Series);
    }

    [Fact]
    public void TryRead_Null_ReturnsFalse()
    {
        Assert.False(DiarienummerFormat.Parse("{series} {year}/{number}", "KS").TryRead(null!, out _));
    }

    [Fact]
    public void TryRead_VeryLongValue_ReturnsFalse()
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.False(format.TryRead("KS 2026/" + new string('1', 200), out _));
    }

    [Theory]
    [InlineData("{series} {year}/{number}")]
    [InlineData("{series}-{year}/{number:4}")]
    [InlineData("{year}-{number:6}")]
    [InlineData("{number}{year}")]
    [InlineData("{series}{yy}{number:3}")]
    public void TryRead_WhatFormatWrote_ReadsBackTheSameParts(string pattern)
    {
        var format = DiarienummerFormat.Parse(pattern, "BUN");
        foreach (var year in new[] { 2000, 2026, 2099 })
        {
            foreach (var number in new[] { 1, 9, 10, 123, 1000, 999_999, int.MaxValue })
            {
                Assert.True(format.TryRead(format.Format(year, number), out var parts), $"{pattern}: {format.Format(year, number)}");
                Assert.Equal(new DiarienummerParts("BUN", year, number), parts);
            }
        }
    }

    [Fact]
    public void TryRead_TwoDigitYearOutsideThisCentury_ReadsAs20yy()
    {
        var format = DiarienummerFormat.Parse("{series} {yy}/{number}", "KS");

        Assert.Equal("KS 99/1", format.Format(1999, 1));
        Assert.True(format.TryRead("KS 99/1", out var parts));
        Assert.Equal(2099, parts.Year);
    }
}
