using IntegrationHub.Hub.Diary.Numbering;

namespace IntegrationHub.Hub.Tests.Diary.Numbering;

public sealed class DiarienummerFormatFormatTests
{
    [Theory]
    [InlineData("{series} {year}/{number}", "KS", 2026, 123, "KS 2026/123")]
    [InlineData("{series} {year}/{number}", "KS", 2021, 655, "KS 2021/655")]
    [InlineData("{series} {year}/{number}", "BUN", 2026, 1, "BUN 2026/1")]
    [InlineData("{series}-{year}/{number:4}", "KS", 2026, 123, "KS-2026/0123")]
    [InlineData("{year}-{number:6}", "KS", 2026, 123, "2026-000123")]
    [InlineData("{year}-{number:6}", "", 2016, 3, "2016-000003")]
    [InlineData("{series} {yy}/{number}", "BUN", 2026, 14, "BUN 26/14")]
    [InlineData("{series} {yy}/{number}", "BUN", 2005, 14, "BUN 05/14")]
    [InlineData("Dnr {series}.{year}.{number:3}", "SBN", 2026, 7, "Dnr SBN.2026.007")]
    [InlineData("{number}/{year}", "KS", 2026, 42, "42/2026")]
    [InlineData("{year}{number:5}", "KS", 2026, 42, "202600042")]
    [InlineData("{series} {year}/{number:1}", "SÄN", 2026, 9, "SÄN 2026/9")]
    public void Format_Pattern_WritesTheNumber(string pattern, string series, int year, int number, string expected)
    {
        Assert.Equal(expected, DiarienummerFormat.Parse(pattern, series).Format(year, number));
    }

    [Theory]
    [InlineData(1, "KS-2026/0001")]
    [InlineData(12, "KS-2026/0012")]
    [InlineData(999, "KS-2026/0999")]
    [InlineData(1000, "KS-2026/1000")]
    public void Format_PaddedPattern_WritesLeadingZeros(int number, string expected)
    {
        Assert.Equal(expected, DiarienummerFormat.Parse("{series}-{year}/{number:4}", "KS").Format(2026, number));
    }

    [Theory]
    [InlineData(12345, "2026-12345")]
    [InlineData(int.MaxValue, "2026-2147483647")]
    public void Format_NumberWiderThanPadding_IsWrittenInFull(int number, string expected)
    {
        Assert.Equal(expected, DiarienummerFormat.Parse("{year}-{number:2}", "KS").Format(2026, number));
    }

    [Theory]
    [InlineData(1899, 1)]
    [InlineData(3000, 1)]
    [InlineData(-2026, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -5)]
    public void Format_YearOrNumberOutOfRange_Throws(int year, int number)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.Throws<ArgumentOutOfRangeException>(() => format.Format(year, number));
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2999)]
    public void Format_YearAtTheEdgesOfTheRange_IsWritten(int year)
    {
        var format = DiarienummerFormat.Parse("{series} {year}/{number}", "KS");

        Assert.Equal($"KS {year}/1", format.Format(year, 1));
    }
}
