using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>Remisser past their answer date, and forwards with retained follow-up still missing their klarmarkering.</summary>
public sealed class CollaborationFiguresTests
{
    [Fact]
    public void TwoParallelRemisser_OnlyTheUnansweredOneIsOverdue()
    {
        var bygglov = new CaseHistory("BYGG-2026-2001", "bygglov", "bygglovsenheten")
            .Opened("2026-03-02 09:00")
            .Referred("2026-03-04 10:00", "remiss-2001-mf", CaseHistory.Miljoforvaltningen, "2026-03-20")
            .Referred("2026-03-04 10:05", "remiss-2001-rtj", CaseHistory.Raddningstjansten, "2026-03-20")
            .ReferralAnswered("2026-03-18 13:00", "remiss-2001-mf", CaseHistory.Miljoforvaltningen);

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", bygglov);

        Assert.Equal(1, report.Totals.OverdueReferrals);
    }

    [Fact]
    public void Remiss_IsOverdueOnlyOnceItsDueDateHasPassed_AsOfThePeriodEndOrNow()
    {
        var bygglov = new CaseHistory("BYGG-2026-2002", "bygglov", "bygglovsenheten")
            .Opened("2026-03-02 09:00")
            .Referred("2026-03-04 10:00", "remiss-2002", CaseHistory.Raddningstjansten, "2026-03-31");

        var endedPeriod = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", bygglov);
        var dueToday = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-03-31 12:00", bygglov);
        var dueAfterThePeriod = StatisticsRun.Report("2026-03-01", "2026-03-30", "2026-05-04 09:00", bygglov);

        Assert.Equal(1, endedPeriod.Totals.OverdueReferrals);
        Assert.Equal(0, dueToday.Totals.OverdueReferrals);
        Assert.Equal(0, dueAfterThePeriod.Totals.OverdueReferrals);
    }

    [Fact]
    public void RemissvarSignalledOnTheReceiversOwnCase_AnswersTheRemiss()
    {
        var bygglov = new CaseHistory("BYGG-2026-2003", "bygglov", "bygglovsenheten")
            .Opened("2026-03-02 09:00")
            .Referred("2026-03-04 10:00", "remiss-2003", CaseHistory.Miljoforvaltningen, "2026-03-20");
        var miljo = new CaseHistory("MIL-2026-2003", "remissyttrande", "miljoenheten", sourceSystem: "platina")
            .Opened("2026-03-05 08:00")
            .ReferralAnswered("2026-03-19 16:00", "remiss-2003", CaseHistory.Miljoforvaltningen);

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", bygglov, miljo);

        Assert.Equal(0, report.Totals.OverdueReferrals);
    }

    [Fact]
    public void RemissvarAfterThePeriod_LeavesTheRemissOverdueInThatPeriod()
    {
        var bygglov = new CaseHistory("BYGG-2026-2004", "bygglov", "bygglovsenheten")
            .Opened("2026-03-02 09:00")
            .Referred("2026-03-04 10:00", "remiss-2004", CaseHistory.Miljoforvaltningen, "2026-03-20")
            .ReferralAnswered("2026-04-02 09:30", "remiss-2004", CaseHistory.Miljoforvaltningen);

        var march = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", bygglov);
        var april = StatisticsRun.Report("2026-04-01", "2026-04-30", "2026-05-04 09:00", bygglov);

        Assert.Equal(1, march.Totals.OverdueReferrals);
        Assert.Equal(0, april.Totals.OverdueReferrals);
    }

    [Fact]
    public void ForwardsWithRetainedFollowUp_MissingKlarmarkering_AreSplitIntoOverdueAndWaiting()
    {
        var pastDue = new CaseHistory("MIL-2026-3001", "nedskrapning", "miljoenheten")
            .Opened("2026-03-02 09:00")
            .Forwarded("2026-03-03 10:00", "vb-3001", CaseHistory.Tekniska, retainedFollowUp: true, dueDate: "2026-03-20")
            .Closed("2026-03-03 10:05");
        var notYetDue = new CaseHistory("MIL-2026-3002", "nedskrapning", "miljoenheten")
            .Opened("2026-03-23 09:00")
            .Forwarded("2026-03-24 10:00", "vb-3002", CaseHistory.Tekniska, retainedFollowUp: true, dueDate: "2026-04-10");
        var noDueDate = new CaseHistory("MIL-2026-3003", "nedskrapning", "miljoenheten")
            .Opened("2026-03-23 09:00")
            .Forwarded("2026-03-24 10:00", "vb-3003", CaseHistory.Tekniska, retainedFollowUp: true, dueDate: null);
        var done = new CaseHistory("MIL-2026-3004", "nedskrapning", "miljoenheten")
            .Opened("2026-03-02 09:00")
            .Forwarded("2026-03-03 10:00", "vb-3004", CaseHistory.Tekniska, retainedFollowUp: true, dueDate: "2026-03-20");
        var tekniska = new CaseHistory("TN-2026-3004", "nedskrapning", "gatuenheten", sourceSystem: "platina")
            .Opened("2026-03-03 11:00")
            .Completed("2026-03-12 15:00", "vb-3004", CaseHistory.Tekniska);
        var handedOver = new CaseHistory("MIL-2026-3005", "nedskrapning", "miljoenheten")
            .Opened("2026-03-02 09:00")
            .Forwarded("2026-03-03 10:00", "vb-3005", CaseHistory.Tekniska, retainedFollowUp: false, dueDate: "2026-03-20");

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", pastDue, notYetDue, noDueDate, done, tekniska, handedOver);

        Assert.Equal(new KlarmarkeringFigures(Overdue: 1, Waiting: 2), report.Totals.MissingKlarmarkering);
        Assert.Equal(new KlarmarkeringFigures(1, 2), report.Groups.Single(g => g.Unit == "miljoenheten").Figures.MissingKlarmarkering);
    }

    [Fact]
    public void ForwardedCaseClosedLongAgo_StillCountsWhileItsKlarmarkeringIsMissing()
    {
        var forwarded = new CaseHistory("MIL-2025-3101", "nedskrapning", "miljoenheten")
            .Opened("2025-10-06 09:00")
            .Forwarded("2025-10-07 10:00", "vb-3101", CaseHistory.Tekniska, retainedFollowUp: true, dueDate: "2025-10-31")
            .Closed("2025-10-07 10:05");

        var report = StatisticsRun.Report("2026-03-01", "2026-03-31", "2026-05-04 09:00", forwarded);

        Assert.Equal(new KlarmarkeringFigures(1, 0), report.Totals.MissingKlarmarkering);
        Assert.Equal((0, 0, 0), (report.Totals.Opened, report.Totals.Closed, report.Totals.Backlog));
        Assert.Single(report.Groups);
    }
}
