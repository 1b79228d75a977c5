using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>Filters by case type and unit, and the groups per case type and unit, use each case's latest known values.</summary>
public sealed class FiltersAndGroupsTests
{
    private static readonly StatisticsQuery March = new("2281", CaseHistory.Day("2026-03-01"), CaseHistory.Day("2026-03-31"));

    private static CaseHistory[] Cases() =>
    [
        new CaseHistory("BYGG-2026-4001", "bygglov", "bygglovsenheten").Opened("2026-03-02 09:00").Closed("2026-03-12 09:00"),
        new CaseHistory("BYGG-2026-4002", "bygglov", "bygglovsenheten").Opened("2026-03-03 09:00").Closed("2026-03-07 09:00"),
        // Moved to the planning unit after it came in: it counts there.
        new CaseHistory("BYGG-2026-4003", "bygglov", "bygglovsenheten").Opened("2026-03-04 09:00")
            .StatusChanged("2026-03-05 11:00", "Ditt ärende har flyttats till planenheten", newUnit: "planenheten"),
        new CaseHistory("MIL-2026-4004", "nedskrapning", "miljoenheten").Opened("2026-03-05 09:00").Decided("2026-03-09 10:00").Closed("2026-03-09 10:05"),
        // Reclassified from nedskrapning to a tillsyn case type.
        new CaseHistory("MIL-2026-4005", "nedskrapning", "miljoenheten").Opened("2026-03-06 09:00")
            .StatusChanged("2026-03-06 13:00", "Ditt ärende handläggs som miljötillsyn", newCaseType: "miljotillsyn"),
    ];

    [Fact]
    public void Groups_OnePerCaseTypeAndUnit_OrderedByCaseTypeThenUnit()
    {
        var report = StatisticsRun.Report(March, "2026-05-04 09:00", Cases());

        Assert.Equal(
            [("bygglov", "bygglovsenheten"), ("bygglov", "planenheten"), ("miljotillsyn", "miljoenheten"), ("nedskrapning", "miljoenheten")],
            report.Groups.Select(g => (g.CaseType, g.Unit)));
        var bygglov = report.Groups[0].Figures;
        Assert.Equal((2, 2, 0), (bygglov.Opened, bygglov.Closed, bygglov.Backlog));
        Assert.Equal((4m, 10m), (bygglov.HandlingTime.MedianDays, bygglov.HandlingTime.Percentile90Days));
        Assert.Equal(new ServicePromiseFigures(2, 0, 0), bygglov.ServicePromises); // closed, and so concluded, well within 50 days
        Assert.Equal(new ServicePromiseFigures(1, 0, 0), report.Groups[3].Figures.ServicePromises);
    }

    [Fact]
    public void Totals_RecomputeHandlingTimesOverAllCases_RatherThanAddingUpGroups()
    {
        var report = StatisticsRun.Report(March, "2026-05-04 09:00", Cases());

        Assert.Equal((5, 3, 2), (report.Totals.Opened, report.Totals.Closed, report.Totals.Backlog));
        Assert.Equal(3, report.Totals.HandlingTime.Count);
        Assert.Equal(4.05m, report.Totals.HandlingTime.MedianDays); // 4, 4.05 and 10 days: rank 2 of 3
        Assert.Equal(10m, report.Totals.HandlingTime.Percentile90Days);
    }

    [Fact]
    public void UnitFilter_MatchesTheLatestKnownUnit()
    {
        var planning = StatisticsRun.Report(March with { Unit = "planenheten" }, "2026-05-04 09:00", Cases());
        var permits = StatisticsRun.Report(March with { Unit = "bygglovsenheten" }, "2026-05-04 09:00", Cases());

        Assert.Equal((1, 0, 1), (planning.Totals.Opened, planning.Totals.Closed, planning.Totals.Backlog));
        Assert.Equal("planenheten", planning.Unit);
        Assert.Equal((2, 2, 0), (permits.Totals.Opened, permits.Totals.Closed, permits.Totals.Backlog));
    }

    [Fact]
    public void CaseTypeFilter_MatchesTheLatestKnownCaseType()
    {
        var report = StatisticsRun.Report(March with { CaseType = "nedskrapning" }, "2026-05-04 09:00", Cases());

        Assert.Equal("nedskrapning", report.CaseType);
        Assert.Equal((1, 1, 0), (report.Totals.Opened, report.Totals.Closed, report.Totals.Backlog));
        Assert.Equal(("nedskrapning", "miljoenheten"), (report.Groups.Single().CaseType, report.Groups.Single().Unit));
        Assert.Equal(10, report.Groups.Single().ServicePromiseWorkingDays);
    }

    [Fact]
    public void BothFilters_Combine()
    {
        var report = StatisticsRun.Report(March with { CaseType = "bygglov", Unit = "miljoenheten" }, "2026-05-04 09:00", Cases());

        Assert.Equal(0, report.Totals.Opened);
        Assert.Empty(report.Groups);
    }

    [Fact]
    public void CasesWithNothingToReportInThePeriod_FormNoGroup()
    {
        var closedLastYear = new CaseHistory("VA-2025-4101", "va-anslutning", "va-enheten").Opened("2025-05-05 09:00").Closed("2025-06-02 09:00");

        var report = StatisticsRun.Report(March, "2026-05-04 09:00", closedLastYear);

        Assert.Empty(report.Groups);
        Assert.Equal(new StatisticsFigures(0, 0, 0, new HandlingTimeFigures(0, null, null), new ServicePromiseFigures(0, 0, 0), 0, new KlarmarkeringFigures(0, 0)),
            report.Totals);
    }
}
