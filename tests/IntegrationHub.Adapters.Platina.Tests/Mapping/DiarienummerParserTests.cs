using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Tests.Mapping;

/// <summary>Platina's diarienummer are kept as given, with their parts when they have a known form.</summary>
public sealed class DiarienummerParserTests
{
    [Theory]
    [InlineData("BN 2026/45", "BN", 2026, 45)]
    [InlineData("KS-2026/0412", "KS", 2026, 412)]
    [InlineData("SBN 2026-1187", "SBN", 2026, 1187)]
    [InlineData("2026-000347", null, 2026, 347)]
    public void AKnownForm_IsParsedIntoItsParts(string value, string? series, int year, int number) =>
        Assert.Equal(new Diarienummer(value, series, year, number), DiarienummerParser.Parse(value));

    [Theory]
    [InlineData("Dnr 45 av år 2026")]
    [InlineData("KS 2026/0")]
    public void AnUnknownForm_IsKeptAsGivenWithoutParts(string value) =>
        Assert.Equal(new Diarienummer(value), DiarienummerParser.Parse(value));
}
