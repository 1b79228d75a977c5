using IntegrationHub.Adapters.Fgs.Model;

namespace IntegrationHub.Adapters.Fgs.Tests.Reading;

/// <summary>FGS dates: the four forms, real calendar dates, and the authority's local time.</summary>
public sealed class FgsDateTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData("2026", "2026-01-01T00:00:00+01:00")]
    [InlineData("2026-07", "2026-07-01T00:00:00+02:00")]
    [InlineData("2026-02-28", "2026-02-28T00:00:00+01:00")]
    [InlineData("2028-02-29", "2028-02-29T00:00:00+01:00")]
    [InlineData("2026-06-15T18:40:00", "2026-06-15T18:40:00+02:00")]
    public void EveryFgsForm_IsReadAsLocalSwedishTime(string text, string expected)
    {
        Assert.True(FgsDate.TryParse(text, out var date));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date!.ToDateTimeOffset(Stockholm));
        Assert.Equal(text, date.Text);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13")]
    [InlineData("26-02-01")]
    [InlineData("2026-02-01T09:12")]
    [InlineData("2026-02-01T24:00:00")]
    [InlineData("2026-02-01T09:12:44+01:00")]
    [InlineData("2026-02-01 09:12:44")]
    [InlineData("1 februari 2026")]
    [InlineData("")]
    public void AnythingElse_IsNotADate(string text) => Assert.False(FgsDate.TryParse(text, out _));

    [Fact]
    public void AnInstant_IsWrittenInFullPrecisionLocalTime() =>
        Assert.Equal("2026-03-18T14:05:00", FgsDate.FromDateTimeOffset(new DateTimeOffset(2026, 3, 18, 13, 5, 0, TimeSpan.Zero), Stockholm).Text);
}
