using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Cases;

/// <summary>
/// Folds a case's events, and the answers that came back on its collaboration ids from other cases,
/// into its collaboration state. A pure function of the events and "now": nothing to keep in sync.
/// </summary>
public static class CaseStateProjector
{
    /// <summary>Projects the state; <paramref name="events"/> may hold duplicates and come in any order.</summary>
    public static CaseState Project(IEnumerable<StoredEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var today = SwedishTime.DateOf(now);
        var referrals = new List<ReferralState>();
        var assignments = new List<AssignmentState>();
        var forwards = new List<ForwardState>();
        var pause = new PauseState(false, null, null, null, TimeSpan.Zero, []);
        var intervals = new List<PauseInterval>();

        var ordered = events.DistinctBy(e => e.Sequence).OrderBy(e => e.Event.Data.Event.OccurredAt).ThenBy(e => e.Sequence);
        foreach (var caseEvent in ordered.Select(e => e.Event))
        {
            var at = caseEvent.Data.Event.OccurredAt;
            var c = caseEvent.Data.Collaboration;
            switch (caseEvent.Type)
            {
                case CaseEventTypes.Referred when c is not null:
                    referrals.Add(new ReferralState(c.CollaborationId, c.To, at, c.DueDate, null, false));
                    break;
                case CaseEventTypes.ReferralAnswered when c is not null:
                    Update(referrals, c, r => r.AnsweredAt is null, r => r with { AnsweredAt = at });
                    break;
                case CaseEventTypes.Assigned when c is not null:
                    assignments.Add(new AssignmentState(c.CollaborationId, c.To, at, c.DueDate, 0, null, null, false));
                    break;
                case CaseEventTypes.AssignmentReported when c is not null:
                    Update(assignments, c, a => a.CompletedAt is null, a => a with { Reports = a.Reports + 1, LastReportAt = at });
                    break;
                case CaseEventTypes.Completed when c is { Kind: CollaborationKind.Uppdragsgivning }:
                    Update(assignments, c, a => a.CompletedAt is null, a => a with { CompletedAt = at });
                    break;
                case CaseEventTypes.Forwarded when c is not null:
                    forwards.Add(new ForwardState(c.CollaborationId, c.To, at, c.RetainedFollowUp == true, c.DueDate, null, c.RetainedFollowUp == true, false));
                    break;
                case CaseEventTypes.Completed when c is not null:
                    Update(forwards, c, f => f.KlarmarkeringAt is null, f => f with { KlarmarkeringAt = at, AwaitingKlarmarkering = false });
                    break;
                case CaseEventTypes.Paused when !pause.IsPaused:
                    var p = caseEvent.Data.Pause;
                    pause = pause with { IsPaused = true, Since = at, Reason = p?.Reason, WaitingFor = p?.WaitingFor };
                    break;
                case CaseEventTypes.Resumed when pause is { IsPaused: true, Since: { } since }:
                    intervals.Add(new PauseInterval(since, at));
                    pause = new PauseState(false, null, null, null, pause.TotalPaused + (at - since), []);
                    break;
            }
        }

        if (pause is { IsPaused: true, Since: { } pausedSince })
        {
            intervals.Add(new PauseInterval(pausedSince, null));
            if (now > pausedSince)
            {
                pause = pause with { TotalPaused = pause.TotalPaused + (now - pausedSince) };
            }
        }

        pause = pause with { Intervals = intervals };

        return new CaseState(
            [.. referrals.Select(r => r with { Overdue = r.AnsweredAt is null && r.DueDate < today })],
            [.. assignments.Select(a => a with { Overdue = a.CompletedAt is null && a.DueDate < today })],
            [.. forwards.Select(f => f with { Overdue = f.AwaitingKlarmarkering && f.DueDate < today })],
            pause);
    }

    /// <summary>
    /// An answer names its sender in <c>from</c>: match the request sent to that party on the same
    /// collaboration id, else the oldest open request with that id.
    /// </summary>
    private static void Update<T>(List<T> items, Collaboration answer, Func<T, bool> open, Func<T, T> apply) where T : class
    {
        var index = items.FindIndex(i => Key(i) == (answer.CollaborationId, answer.From.Id) && open(i));
        if (index < 0)
        {
            index = items.FindIndex(i => Key(i).Id == answer.CollaborationId && open(i));
        }

        if (index >= 0)
        {
            items[index] = apply(items[index]);
        }
    }

    private static (string Id, string To) Key<T>(T item) => item switch
    {
        ReferralState r => (r.CollaborationId, r.To.Id),
        AssignmentState a => (a.CollaborationId, a.To.Id),
        ForwardState f => (f.CollaborationId, f.To.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };
}
