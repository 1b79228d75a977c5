using IntegrationHub.Hub.Calendar;
using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>Opened, closed and backlog (ärendebalans): which cases count in a period.</summary>
public sealed class CaseCountTests
{
    [Fact]
    public void OpenedClosedAndBacklog_CountBySwedishDate_WithBothEdgesOfThePeriodIncluded()
    {
        var firstMinutes = new CaseHistory("VA-2026-0101", "va-anslutning", "va-enheten").Opened("2026-03-01 00:30");
        var lastEveningBefore = new CaseHistory("VA-2026-0102", "va-anslutning", "va-enheten").Opened("2026-02-28 23:30");
        var lastMinute = new CaseHistory("VA-2026-0103", "va-anslutning", "va-enheten").Opened("2026-03-31 23:59");
        var afterThePeriod = new CaseHistory("VA-2026-0104", "va-anslutning", "va-enheten").Opened("2026-04-01 00:10");
        var closedInPeriod = new CaseHistory("VA-2026-0105", "va-anslutning", "va-enheten").Opened("2026-02-10 10:00").Closed("2026-03-15 14:00");
        var closedBefore = new CaseHistory("VA-2026-0106", "va-anslutning", "va-enheten").Opened("2026-01-12 10:00").Closed("2026-02-20 11:00");
        var closedAfter = new CaseHistory("VA-2026-0107", "va-anslutning", "va-enheten").Opened("2026-03-10 08:00").Closed("2026-04-02 09:00");

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00",
            firstMinutes, lastEveningBefore, lastMinute, afterThePeriod, closedInPeriod, closedBefore, closedAfter);

        Assert.Equal(3, report.Totals.Opened); // 0101, 0103, 0107
        Assert.Equal(1, report.Totals.Closed); // 0105
        Assert.Equal(4, report.Totals.Backlog); // 0101, 0102, 0103, and 0107 which closed only after the period
        Assert.Equal(new StatisticsPeriod(CaseHistory.Day("2026-03-01"), CaseHistory.Day("2026-03-31")), report.Period);
        Assert.Equal(CaseHistory.At("2026-04-01 00:00"), report.AsOf);
    }

    [Fact]
    public void CaseWithoutAnOpenedEvent_OpensAtItsFirstEvent()
    {
        var platina = new CaseHistory("KS 2026/311", "medborgarforslag", "kansliet", sourceSystem: "platina")
            .StatusChanged("2026-03-04 10:00", "Ditt medborgarförslag har registrerats")
            .Closed("2026-03-20 15:00");

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", platina);

        Assert.Equal(1, report.Totals.Opened);
        Assert.Equal(1, report.Totals.Closed);
        Assert.Equal(16.21m, report.Totals.HandlingTime.MedianDays);
    }

    [Fact]
    public void ReopenedCase_IsOpenAgain_AndOnlyItsLastCloseCounts()
    {
        var reopenedAndOpen = new CaseHistory("BYGG-2026-0201", "bygglov", "bygglovsenheten")
            .Opened("2026-02-02 09:00").Closed("2026-03-05 09:00").Reopened("2026-03-10 09:00");
        var closedTwice = new CaseHistory("BYGG-2026-0202", "bygglov", "bygglovsenheten")
            .Opened("2026-02-02 09:00").Closed("2026-02-20 09:00").Reopened("2026-03-02 09:00").Closed("2026-03-20 09:00");

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", reopenedAndOpen, closedTwice);

        Assert.Equal(0, report.Totals.Opened);
        Assert.Equal(1, report.Totals.Closed);
        Assert.Equal(1, report.Totals.Backlog);
        Assert.Equal(1, report.Totals.HandlingTime.Count);
        Assert.Equal(46m, report.Totals.HandlingTime.MedianDays); // 2 February to the last close on 20 March
    }

    [Fact]
    public void ReopeningAfterThePeriod_DoesNotChangeTheFiguresOfThatPeriod()
    {
        var appealed = new CaseHistory("BYGG-2026-0203", "bygglov", "bygglovsenheten")
            .Opened("2026-02-02 09:00").Closed("2026-03-16 09:00").Reopened("2026-04-20 10:00");

        var march = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", appealed);
        var april = StatisticsRun.Report("2026-04-01", "2026-04-30", "2026-05-04 09:00", appealed);

        Assert.Equal((1, 0), (march.Totals.Closed, march.Totals.Backlog));
        Assert.Equal((0, 1), (april.Totals.Closed, april.Totals.Backlog));
    }

    [Fact]
    public void PeriodNotYetEnded_DescribesTheStateNow()
    {
        var open = new CaseHistory("VA-2026-0301", "va-anslutning", "va-enheten").Opened("2026-03-02 09:00");

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-03-10 12:00", open);

        Assert.Equal(CaseHistory.At("2026-03-10 12:00"), report.AsOf);
        Assert.Equal(1, report.Totals.Backlog);
    }

    [Fact]
    public void EventsNotYetCorrelated_AndOtherMunicipalities_AreLeftOut()
    {
        var correlated = new CaseHistory("VA-2026-0401", "va-anslutning", "va-enheten").Opened("2026-03-02 09:00");
        var inFlight = new CaseHistory("VA-2026-0402", "va-anslutning", "va-enheten").Opened("2026-03-03 09:00");
        var timra = new CaseHistory("VA-2026-0403", "va-anslutning", "va-enheten", municipality: "2262").Opened("2026-03-03 09:00");
        var query = new StatisticsQuery("2281", CaseHistory.Day("2026-03-01"), CaseHistory.Day("2026-03-31"));

        var report = CaseStatisticsCalculator.Calculate(
            correlated.Events.Concat(inFlight.Uncorrelated()).Concat(timra.Events), query, StatisticsRun.Promises,
            SwedishCalendar.Default, CaseHistory.At("2026-05-04 09:00"));

        Assert.Equal(1, report.Totals.Opened);
    }

    [Fact]
    public void DuplicateDeliveries_OfTheSameStoredEvent_CountOnce()
    {
        var va = new CaseHistory("VA-2026-0501", "va-anslutning", "va-enheten").Opened("2026-03-02 09:00").Closed("2026-03-04 09:00");
        var query = new StatisticsQuery("2281", CaseHistory.Day("2026-03-01"), CaseHistory.Day("2026-03-31"));

        var report = CaseStatisticsCalculator.Calculate(
            va.Events.Concat(va.Events), query, StatisticsRun.Promises, SwedishCalendar.Default, CaseHistory.At("2026-05-04 09:00"));

        Assert.Equal((1, 1, 0), (report.Totals.Opened, report.Totals.Closed, report.Totals.Backlog));
    }

    [Fact]
    public void PeriodEndingBeforeItStarts_IsRefused()
    {
        var query = new StatisticsQuery("2281", CaseHistory.Day("2026-03-31"), CaseHistory.Day("2026-03-01"));

        Assert.Throws<ArgumentException>(() =>
            CaseStatisticsCalculator.Calculate([], query, StatisticsRun.Promises, SwedishCalendar.Default, CaseHistory.At("2026-05-04 09:00")));
    }
}
