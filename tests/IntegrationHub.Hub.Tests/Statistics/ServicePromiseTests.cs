using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>
/// Servicelöften in Swedish working days. Sundsvall promises a decision on nedskräpning within 10 working
/// days. A case opened Monday 30 March 2026 is due Wednesday 15 April: långfredagen (3 April) and annandag
/// påsk (6 April) are not working days, so counting weekdays only would wrongly say 13 April.
/// </summary>
public sealed class ServicePromiseTests
{
    private static CaseHistory Nedskrapning(string id) => new(id, "nedskrapning", "miljoenheten");

    private static ServicePromiseFigures Promises(string now, params CaseHistory[] cases) =>
        StatisticsRun.Report("2026-03-01", "2026-04-30", now, cases).Totals.ServicePromises;

    [Fact]
    public void DecisionOnTheTenthWorkingDayAfterEaster_KeepsThePromise()
    {
        var decidedOnDueDate = Nedskrapning("MIL-2026-1001").Opened("2026-03-30 10:00").Decided("2026-04-15 15:30");

        Assert.Equal(new ServicePromiseFigures(1, 0, 0), Promises("2026-05-04 09:00", decidedOnDueDate));
    }

    [Fact]
    public void DecisionTheDayAfterTheDueDate_BreaksThePromise()
    {
        var decidedLate = Nedskrapning("MIL-2026-1002").Opened("2026-03-30 10:00").Decided("2026-04-16 08:15");

        Assert.Equal(new ServicePromiseFigures(0, 1, 0), Promises("2026-05-04 09:00", decidedLate));
    }

    [Fact]
    public void UndecidedCase_IsPendingOnItsDueDate_AndBrokenTheDayAfter()
    {
        var openedMonday = Nedskrapning("MIL-2026-1003").Opened("2026-03-30 10:00");
        var openedFriday = Nedskrapning("MIL-2026-1004").Opened("2026-03-27 10:00"); // due Tuesday 14 April

        Assert.Equal(new ServicePromiseFigures(0, 1, 1), Promises("2026-04-15 12:00", openedMonday, openedFriday));
        Assert.Equal(new ServicePromiseFigures(0, 2, 0), Promises("2026-04-16 12:00", openedMonday, openedFriday));
    }

    [Fact]
    public void UndecidedCase_IsJudgedAsOfThePeriodEnd_ForAPeriodThatHasEnded()
    {
        var dueOnLastDay = Nedskrapning("MIL-2026-1005").Opened("2026-03-30 10:00");

        var endingOnDueDate = StatisticsRun.Report("2026-03-01", "2026-04-15", "2026-06-01 09:00", dueOnLastDay);
        var endingBefore = StatisticsRun.Report("2026-03-01", "2026-04-14", "2026-06-01 09:00", dueOnLastDay);

        Assert.Equal(new ServicePromiseFigures(0, 1, 0), endingOnDueDate.Totals.ServicePromises);
        Assert.Equal(new ServicePromiseFigures(0, 0, 1), endingBefore.Totals.ServicePromises);
    }

    [Fact]
    public void WorkingDaysThePaused_DoNotCountAgainstThePromise()
    {
        // Opened Monday 2 February: due 16 February. Paused Wednesday 4 to Wednesday 11 February: five
        // working days (5, 6, 9, 10, 11 February) do not count, so the due date moves to 23 February.
        var paused = Nedskrapning("MIL-2026-1101")
            .Opened("2026-02-02 09:00")
            .Paused("2026-02-04 10:00", "Foton av platsen från anmälaren")
            .Resumed("2026-02-11 10:00")
            .Decided("2026-02-20 11:00");
        var unpaused = Nedskrapning("MIL-2026-1102").Opened("2026-02-02 09:00").Decided("2026-02-20 11:00");

        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-05-04 09:00", paused, unpaused);

        Assert.Equal(new ServicePromiseFigures(1, 1, 0), report.Totals.ServicePromises);
    }

    [Fact]
    public void CasePausedNow_StaysPending_EvenPastItsOriginalDueDate()
    {
        var waiting = Nedskrapning("MIL-2026-1103").Opened("2026-02-02 09:00").Paused("2026-02-04 10:00");

        var report = StatisticsRun.Report("2026-02-01", "2026-02-28", "2026-02-27 09:00", waiting);

        Assert.Equal(new ServicePromiseFigures(0, 0, 1), report.Totals.ServicePromises);
    }

    [Fact]
    public void WithdrawnApplication_ClosedWithoutADecision_IsJudgedByItsClosing()
    {
        var withdrawn = Nedskrapning("MIL-2026-1104").Opened("2026-03-30 10:00").Closed("2026-04-08 09:00");

        Assert.Equal(new ServicePromiseFigures(1, 0, 0), Promises("2026-05-04 09:00", withdrawn));
    }

    [Fact]
    public void OnlyCasesOpenedInThePeriod_AndCaseTypesWithAPromise_AreCounted()
    {
        var openedBefore = Nedskrapning("MIL-2026-1105").Opened("2026-02-20 10:00");
        var noPromise = new CaseHistory("VA-2026-1106", "va-anslutning", "va-enheten").Opened("2026-03-02 10:00");
        var bygglov = new CaseHistory("BYGG-2026-1107", "bygglov", "bygglovsenheten").Opened("2026-03-02 10:00");

        var report = StatisticsRun.Report("2026-03-01", "2026-04-30", "2026-05-04 09:00", openedBefore, noPromise, bygglov);

        Assert.Equal(new ServicePromiseFigures(0, 0, 1), report.Totals.ServicePromises); // bygglov: 50 working days, due in May
        Assert.Equal(50, report.Groups.Single(g => g.CaseType == "bygglov").ServicePromiseWorkingDays);
        Assert.Null(report.Groups.Single(g => g.CaseType == "va-anslutning").ServicePromiseWorkingDays);
    }
}
