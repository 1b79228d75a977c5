using IntegrationHub.Hub.Diary.Numbering;

namespace IntegrationHub.Hub.Tests.Diary.Numbering;

public sealed class DiarienummerReaderTests
{
    [Theory]
    [InlineData("KS 2021/655", "KS", 2021, 655)]
    [InlineData("KS-2012/837", "KS", 2012, 837)]
    [InlineData("KS 2012/0837", "KS", 2012, 837)]
    [InlineData("BUN 2026:14", "BUN", 2026, 14)]
    [InlineData("2016-000003", null, 2016, 3)]
    [InlineData("SBN.2026.112", "SBN", 2026, 112)]
    [InlineData("2026/123", null, 2026, 123)]
    [InlineData("MÖN 2026/5", "MÖN", 2026, 5)]
    [InlineData("ÅVN-2026/5", "ÅVN", 2026, 5)]
    [InlineData("ks 2026/5", "ks", 2026, 5)]
    [InlineData("K 2026/5", "K", 2026, 5)]
    [InlineData("ABCDEFGHIJ 2026/5", "ABCDEFGHIJ", 2026, 5)]
    [InlineData("KS\u00A02026/5", "KS", 2026, 5)]
    [InlineData("  KS 2026/5 ", "KS", 2026, 5)]
    [InlineData("KS 1900/1", "KS", 1900, 1)]
    [InlineData("KS 2026/2147483647", "KS", 2026, int.MaxValue)]
    public void TryReadAny_CommonShape_ReturnsItsParts(string value, string? series, int year, int number)
    {
        Assert.True(DiarienummerReader.TryReadAny(value, out var parts));
        Assert.Equal(new DiarienummerParts(series, year, number), parts);
    }

    [Fact]
    public void TryReadAny_DecomposedSwedishLetter_ReadsAsOneLetter()
    {
        Assert.True(DiarienummerReader.TryReadAny("MO\u0308N 2026/5", out var parts));
        Assert.Equal("MÖN", parts.Series);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("KS")]
    [InlineData("2026")]
    [InlineData("KS 2026")]
    [InlineData("KS 2026/")]
    [InlineData("KS 21/655")]
    [InlineData("KS 2021/655-3")]
    [InlineData("KS2 2026/1")]
    [InlineData("K S 2026/1")]
    [InlineData("KS  2026/1")]
    [InlineData("KS 2026 / 1")]
    [InlineData("KS2026/1")]
    [InlineData("Dnr KS 2026/1")]
    [InlineData("ABCDEFGHIJK 2026/1")]
    [InlineData("ÉN 2026/1")]
    [InlineData("KS_2026/1")]
    [InlineData("KS 2026_1")]
    [InlineData("ER-2001")]
    [InlineData("not a number")]
    public void TryReadAny_OtherShape_ReturnsFalse(string value)
    {
        Assert.False(DiarienummerReader.TryReadAny(value, out var parts));
        Assert.Null(parts);
    }

    [Theory]
    [InlineData("KS 2026/0")]
    [InlineData("2016-000000")]
    [InlineData("KS 1899/1")]
    [InlineData("KS 3000/1")]
    [InlineData("KS 2026/2147483648")]
    [InlineData("KS 2026/12345678901")]
    public void TryReadAny_YearOrNumberOutOfRange_ReturnsFalse(string value)
    {
        Assert.False(DiarienummerReader.TryReadAny(value, out _));
    }

    [Fact]
    public void TryReadAny_Null_ReturnsFalse()
    {
        Assert.False(DiarienummerReader.TryReadAny(null!, out _));
    }
}
