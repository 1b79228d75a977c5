using IntegrationHub.Delivery.RabbitMq;

namespace IntegrationHub.Delivery.Tests.RabbitMq;

public sealed class RabbitMqRoutingTests
{
    [Theory]
    [InlineData("2281", "bygglov", "se.sambruk.case.opened", "2281.bygglov.opened")]
    [InlineData("0180", "forskoleplats", "se.sambruk.case.decided", "0180.forskoleplats.decided")]
    [InlineData("2281", "nedskrapning", "se.sambruk.case.deadline-passed", "2281.nedskrapning.deadline-passed")]
    [InlineData("2281", "remiss", "se.sambruk.case.referral-answered", "2281.remiss.referral-answered")]
    public void RoutingKey_IsMunicipalityCaseTypeAndTheEventTypesLastPart(string municipality, string caseType, string eventType, string expected) =>
        Assert.Equal(expected, RabbitMqRouting.RoutingKey(municipality, caseType, eventType));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RoutingKey_UnknownCaseType_IsOkand(string? caseType) =>
        Assert.Equal("2281.okand.opened", RabbitMqRouting.RoutingKey("2281", caseType, "se.sambruk.case.opened"));

    [Fact]
    public void RoutingKey_DotInsideAWord_BecomesAHyphenSoTheKeyKeepsThreeWords() =>
        Assert.Equal("2281.bygg-lov.opened", RabbitMqRouting.RoutingKey("2281", "bygg.lov", "se.sambruk.case.opened"));

    [Fact]
    public void RoutingKey_Words_AreLowerCaseAndTrimmed() =>
        Assert.Equal("2281.bygglov.opened", RabbitMqRouting.RoutingKey(" 2281 ", "Bygglov ", "se.sambruk.case.opened"));

    [Fact]
    public void RoutingKey_TypeOutsideTheSambrukNamespace_IsKeptWholeAsOneWord() =>
        Assert.Equal("2281.bygglov.com-example-other", RabbitMqRouting.RoutingKey("2281", "bygglov", "com.example.other"));
}
