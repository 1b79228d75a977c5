namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>Handläggningstid: calendar days from opening to closing, paused time excluded; median and 90th percentile by nearest rank.</summary>
public sealed class HandlingTimeTests
{
    private static CaseHistory Closed(string id, string opened, string closed) =>
        new CaseHistory(id, "va-anslutning", "va-enheten").Opened(opened).Closed(closed);

    [Fact]
    public void MedianAndNinetiethPercentile_AreNearestRank_OverTheCasesClosedInThePeriod()
    {
        // Handling times of 1 to 10 days: nearest rank puts the median at rank 5 and p90 at rank 9.
        var cases = Enumerable.Range(1, 10)
            .Select(days => Closed($"VA-2026-1{days:00}", "2026-02-02 08:00", $"2026-02-{2 + days:00} 08:00"))
            .ToArray();

        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", cases);

        Assert.Equal(10, report.Totals.HandlingTime.Count);
        Assert.Equal(5m, report.Totals.HandlingTime.MedianDays);
        Assert.Equal(9m, report.Totals.HandlingTime.Percentile90Days);
    }

    [Fact]
    public void MedianOfAnEvenCount_IsTheLowerMiddleTime_NotTheMeanOfTheTwo()
    {
        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00",
            Closed("VA-2026-201", "2026-02-02 08:00", "2026-02-04 08:00"),
            Closed("VA-2026-202", "2026-02-02 08:00", "2026-02-06 08:00"),
            Closed("VA-2026-203", "2026-02-02 08:00", "2026-02-08 16:00"),
            Closed("VA-2026-204", "2026-02-02 08:00", "2026-02-10 20:00"));

        Assert.Equal(4m, report.Totals.HandlingTime.MedianDays);
        Assert.Equal(8.5m, report.Totals.HandlingTime.Percentile90Days);
    }

    [Fact]
    public void CasePausedTenDaysWaitingForKomplettering_HasItsHandlingTimeReducedByTenDays()
    {
        var unpaused = new CaseHistory("BYGG-2026-0301", "bygglov", "bygglovsenheten")
            .Opened("2026-02-02 09:00").Decided("2026-02-26 14:00").Closed("2026-02-27 09:00");
        var paused = new CaseHistory("BYGG-2026-0302", "bygglov", "bygglovsenheten")
            .Opened("2026-02-02 09:00")
            .Paused("2026-02-05 09:00", "Komplettering: reviderad situationsplan från sökanden")
            .Resumed("2026-02-15 09:00")
            .Decided("2026-02-26 14:00")
            .Closed("2026-02-27 09:00");

        var alone = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", unpaused);
        var withPause = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", paused);

        Assert.Equal(25m, alone.Totals.HandlingTime.MedianDays);
        Assert.Equal(15m, withPause.Totals.HandlingTime.MedianDays);
    }

    [Fact]
    public void HandlingTime_IsRoundedToTwoDecimals()
    {
        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00",
            Closed("VA-2026-211", "2026-02-02 08:00", "2026-02-05 16:00"));

        Assert.Equal(3.33m, report.Totals.HandlingTime.MedianDays);
    }

    [Fact]
    public void SeveralPausesOfPartDays_AreAllSubtracted()
    {
        var twice = new CaseHistory("MIL-2026-0401", "nedskrapning", "miljoenheten")
            .Opened("2026-02-02 09:00")
            .Paused("2026-02-03 09:00").Resumed("2026-02-04 21:00")
            .Paused("2026-02-09 12:00").Resumed("2026-02-09 18:00")
            .Closed("2026-02-12 09:00");

        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", twice);

        Assert.Equal(8.25m, report.Totals.HandlingTime.MedianDays); // 10 days - 1.5 - 0.25
    }

    [Fact]
    public void CaseClosedWhilePaused_CountsThePauseUpToTheClosing()
    {
        var withdrawn = new CaseHistory("BYGG-2026-0501", "bygglov", "bygglovsenheten")
            .Opened("2026-02-02 09:00").Paused("2026-02-12 09:00").Closed("2026-02-22 09:00");

        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", withdrawn);

        Assert.Equal(10m, report.Totals.HandlingTime.MedianDays);
    }

    [Fact]
    public void NoCaseClosed_GivesNoHandlingTimes()
    {
        var open = new CaseHistory("VA-2026-0601", "va-anslutning", "va-enheten").Opened("2026-02-02 09:00");

        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", open);

        Assert.Equal(0, report.Totals.HandlingTime.Count);
        Assert.Null(report.Totals.HandlingTime.MedianDays);
        Assert.Null(report.Totals.HandlingTime.Percentile90Days);
    }
}
