using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Cases;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Tests.Cases;

public sealed class CaseStateProjectorTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private long _sequence;

    private StoredEvent Event(string type, DateTimeOffset at, Collaboration? collaboration = null, Pause? pause = null) => new(
        ++_sequence, at, Guid.Empty, new CaseEvent
        {
            Id = $"e{_sequence}", Source = "urn:test", Type = type, Time = at, Municipality = "2281", DataClassification = DataClassification.Internal,
            Data = new CaseEventData
            {
                Case = new CaseRef { SourceSystem = "test", SourceCaseId = "T-1" },
                Event = new EventDetails { Headline = type, OccurredAt = at, IsDiaryEvent = false },
                Collaboration = collaboration,
                Pause = pause,
            },
        });

    private static Collaboration Forward(bool retained) => new()
    {
        Kind = CollaborationKind.Vidarebefordran, CollaborationId = "vb", From = new("MN"), To = new("TN"), RetainedFollowUp = retained, DueDate = new DateOnly(2026, 3, 10),
    };

    [Fact]
    public void ForwardWithoutRetainedFollowUp_ExpectsNoKlarmarkering_AndIsNeverOverdue()
    {
        var state = CaseStateProjector.Project([Event(CaseEventTypes.Forwarded, Day1, Forward(retained: false))], Day1.AddDays(60));

        var forward = Assert.Single(state.Forwards);
        Assert.False(forward.RetainedFollowUp);
        Assert.False(forward.AwaitingKlarmarkering);
        Assert.False(forward.Overdue);
    }

    [Fact]
    public void ForwardWithRetainedFollowUp_IsOverdueAfterItsDueDate_UntilTheKlarmarkering()
    {
        var forwarded = Event(CaseEventTypes.Forwarded, Day1, Forward(retained: true));
        var klarmarkering = Event(CaseEventTypes.Completed, Day1.AddDays(20), Forward(retained: true) with { From = new("TN"), To = new("MN") });

        var before = CaseStateProjector.Project([forwarded], Day1.AddDays(10));
        var after = CaseStateProjector.Project([klarmarkering, forwarded, forwarded], Day1.AddDays(30));

        Assert.True(before.Forwards[0].Overdue);
        Assert.False(after.Forwards[0].AwaitingKlarmarkering);
        Assert.Equal(Day1.AddDays(20), after.Forwards[0].KlarmarkeringAt);
    }

    [Fact]
    public void PauseStillRunning_CountsUpToNow_AndIsListedAsAnOpenInterval()
    {
        var state = CaseStateProjector.Project(
        [
            Event(CaseEventTypes.Paused, Day1, pause: new Pause { Reason = PauseReason.AwaitingApplicant, WaitingFor = "Sökanden" }),
            Event(CaseEventTypes.Resumed, Day1.AddDays(2)),
            Event(CaseEventTypes.Paused, Day1.AddDays(5), pause: new Pause { Reason = PauseReason.AwaitingOtherParty }),
        ], Day1.AddDays(6));

        Assert.True(state.Pause.IsPaused);
        Assert.Equal(PauseReason.AwaitingOtherParty, state.Pause.Reason);
        Assert.Equal(TimeSpan.FromDays(3), state.Pause.TotalPaused);
        Assert.Equal([new PauseInterval(Day1, Day1.AddDays(2)), new PauseInterval(Day1.AddDays(5), null)], state.Pause.Intervals);
    }
}
