using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Diary;

/// <summary>Running numbers restart at 1 when the Swedish year turns, which is an hour before UTC's.</summary>
public sealed class DiaryYearRolloverTests(MunicipalHubFactory hub) : IClassFixture<MunicipalHubFactory>
{
    [Fact]
    public async Task NewSwedishYear_StartsTheSeriesAgainAtOne()
    {
        var client = hub.CreateClient();
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 22, 50, 0, TimeSpan.Zero));
        var december = new Scenario(client, "platina", "KS-DEC", "medborgarforslag");
        await december.Post(december.Event(CaseEventTypes.Opened, "Ditt medborgarförslag har kommit in", diaryEvent: true));

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 10, 0, TimeSpan.Zero));
        var january = new Scenario(client, "platina", "KS-JAN", "medborgarforslag");
        await january.Post(january.Event(CaseEventTypes.Opened, "Ditt medborgarförslag har kommit in", diaryEvent: true));

        Assert.Equal("KS 2026/1", (await december.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        Assert.Equal("KS 2027/1", (await january.Details()).GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
    }
}
