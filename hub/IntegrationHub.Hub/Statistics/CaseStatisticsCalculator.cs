using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Hub.Cases;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Statistics;

/// <summary>
/// Computes ärendestatistik from a municipality's event log: a pure function of the events, the query,
/// the service promises, the calendar and "now", folded per case in memory.
/// </summary>
/// <remarks>
/// <para>
/// Events are grouped by the hub case they were correlated to; events not yet correlated are skipped
/// (the pipeline is still working on them). Only events that occurred before the end of the period
/// (Swedish midnight after <see cref="StatisticsQuery.To"/>) are used, so a report for a past period
/// describes the cases as they stood then. The state-like figures are taken as of <c>asOf</c>: the end
/// of the period, or <c>now</c> if that is earlier.
/// </para>
/// <para>
/// Remisser, uppdrag, forwards and pauses come from <see cref="CaseStateProjector"/>. Answers to a case's
/// collaborations (remissvar, klarmarkering, uppdrag reports) often arrive on the receiver's own case; those
/// events of other cases that carry one of the case's collaboration ids are folded in, as the case API does.
/// </para>
/// <para>
/// The caller reads the whole event log of the municipality for every report, which is fine for tens of
/// thousands of events; larger volumes need roll-ups maintained by the pipeline (a later step).
/// </para>
/// </remarks>
public static class CaseStatisticsCalculator
{
    private static readonly HandlingTimeFigures NoHandlingTimes = new(0, null, null);

    /// <summary>Computes the report.</summary>
    /// <param name="events">The municipality's stored events, in any order; duplicates (same sequence) are ignored.</param>
    /// <param name="query">Municipality, period and filters.</param>
    /// <param name="servicePromiseWorkingDays">The servicelöfte of a case type in working days, or null when it has none.</param>
    /// <param name="calendar">Swedish working days.</param>
    /// <param name="now">The current instant (from the hub's <see cref="TimeProvider"/>).</param>
    /// <exception cref="ArgumentException"><see cref="StatisticsQuery.To"/> is before <see cref="StatisticsQuery.From"/>.</exception>
    public static StatisticsReport Calculate(
        IEnumerable<StoredEvent> events,
        StatisticsQuery query,
        Func<string, int?> servicePromiseWorkingDays,
        SwedishCalendar calendar,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(servicePromiseWorkingDays);
        ArgumentNullException.ThrowIfNull(calendar);
        if (query.To < query.From)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(query));
        }

        var periodEnd = StartOfSwedishDay(query.To.AddDays(1));
        var asOf = now < periodEnd ? now : periodEnd;
        var known = events
            .Where(e => e.CaseId is not null && e.Event.Municipality == query.Municipality && e.Event.Data.Event.OccurredAt < periodEnd)
            .DistinctBy(e => e.Sequence)
            .ToList();
        var answers = known
            .Where(e => IsAnswer(e.Event))
            .ToLookup(e => e.Event.Data.Collaboration!.CollaborationId, StringComparer.Ordinal);
        var context = new FoldContext(query, servicePromiseWorkingDays, calendar, asOf, answers);

        var cases = known
            .GroupBy(e => e.CaseId!.Value)
            .Select(g => Fold(g.Key, [.. g.OrderBy(e => e.Event.Data.Event.OccurredAt).ThenBy(e => e.Sequence)], context))
            .Where(f => (query.CaseType is null || f.CaseType == query.CaseType) && (query.Unit is null || f.Unit == query.Unit) && f.IsRelevant)
            .ToList();

        var groups = cases
            .GroupBy(f => (f.CaseType, f.Unit))
            .OrderBy(g => g.Key.CaseType is null)
            .ThenBy(g => g.Key.CaseType, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Unit is null)
            .ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .Select(g => new StatisticsGroup(
                g.Key.CaseType,
                g.Key.Unit,
                g.Key.CaseType is { } caseType ? servicePromiseWorkingDays(caseType) : null,
                Figures([.. g])))
            .ToList();

        return new StatisticsReport(
            query.Municipality, new StatisticsPeriod(query.From, query.To), asOf, query.CaseType, query.Unit, Figures(cases), groups);
    }

    /// <summary>The instant a Swedish calendar date begins (midnight, Swedish time).</summary>
    public static DateTimeOffset StartOfSwedishDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, SwedishTime.Zone.GetUtcOffset(local));
    }

    private static bool IsAnswer(CaseEvent e) =>
        e.Data.Collaboration is not null
        && e.Type is CaseEventTypes.ReferralAnswered or CaseEventTypes.AssignmentReported or CaseEventTypes.Completed;

    private static CaseFacts Fold(Guid caseId, List<StoredEvent> ordered, FoldContext context)
    {
        var query = context.Query;
        string? caseType = null;
        string? unit = null;
        DateTimeOffset? openedAt = null;
        DateTimeOffset? closedAt = null;
        DateTimeOffset? decidedAt = null;
        var collaborationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in ordered.Select(s => s.Event))
        {
            var at = e.Data.Event.OccurredAt;
            caseType = e.Data.Case.CaseType ?? caseType;
            unit = e.Data.Case.Unit?.Id ?? unit;
            if (e.Data.Collaboration is { } c)
            {
                collaborationIds.Add(c.CollaborationId);
            }

            switch (e.Type)
            {
                case CaseEventTypes.Opened:
                    openedAt ??= at;
                    break;
                case CaseEventTypes.Closed:
                    closedAt = at;
                    break;
                case CaseEventTypes.Reopened:
                    closedAt = null;
                    break;
                case CaseEventTypes.Decided:
                    decidedAt ??= e.Data.Decision?.DecidedAt ?? at;
                    break;
            }
        }

        var opened = openedAt ?? ordered[0].Event.Data.Event.OccurredAt;
        var openedOn = SwedishTime.DateOf(opened);
        var openedInPeriod = openedOn >= query.From && openedOn <= query.To;
        var closedOn = closedAt is { } closed ? SwedishTime.DateOf(closed) : (DateOnly?)null;

        var answers = collaborationIds.SelectMany(id => context.Answers[id]).Where(a => a.CaseId != caseId);
        var state = CaseStateProjector.Project(ordered.Concat(answers), context.AsOf);
        var pauses = state.Pause.Intervals;

        TimeSpan? handlingTime = null;
        if (closedAt is { } end && closedOn >= query.From)
        {
            var span = end - opened - PausedWithin(pauses, opened, end);
            handlingTime = span > TimeSpan.Zero ? span : TimeSpan.Zero;
        }

        PromiseOutcome? promise = null;
        if (openedInPeriod && caseType is not null && context.PromiseDays(caseType) is { } days)
        {
            promise = Promise(openedOn, days, decidedAt ?? closedAt, pauses, context);
        }

        return new CaseFacts(
            caseType,
            unit,
            openedInPeriod,
            closedOn >= query.From,
            closedAt is null,
            handlingTime,
            promise,
            state.Referrals.Count(r => r.Overdue),
            state.Forwards.Count(f => f.AwaitingKlarmarkering && f.Overdue),
            state.Forwards.Count(f => f.AwaitingKlarmarkering && !f.Overdue));
    }

    private static TimeSpan PausedWithin(IReadOnlyList<PauseInterval> pauses, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var pause in pauses)
        {
            var (start, end) = (pause.From, pause.To ?? to);
            var overlap = (end < to ? end : to) - (start > from ? start : from);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }

    /// <summary>
    /// Kept when the case was concluded (decided; or, without a decision, closed) on or before the
    /// <see cref="ServicePromise.DueDate"/>; broken when concluded later or still open after it.
    /// </summary>
    private static PromiseOutcome Promise(DateOnly openedOn, int days, DateTimeOffset? concludedAt, IReadOnlyList<PauseInterval> pauses, FoldContext context)
    {
        if (ServicePromise.DueDate(openedOn, days, pauses, context.AsOf, context.Calendar) is not { } dueDate)
        {
            return PromiseOutcome.Pending;
        }

        if (concludedAt is { } concluded)
        {
            return SwedishTime.DateOf(concluded) <= dueDate ? PromiseOutcome.Kept : PromiseOutcome.Broken;
        }

        return dueDate < SwedishTime.DateOf(context.AsOf) ? PromiseOutcome.Broken : PromiseOutcome.Pending;
    }

    private static StatisticsFigures Figures(IReadOnlyCollection<CaseFacts> cases)
    {
        var times = cases.Select(c => c.HandlingTime).OfType<TimeSpan>().Order().ToList();
        return new StatisticsFigures(
            cases.Count(c => c.OpenedInPeriod),
            cases.Count(c => c.ClosedInPeriod),
            cases.Count(c => c.OpenAtEnd),
            times.Count == 0 ? NoHandlingTimes : new HandlingTimeFigures(times.Count, Days(NearestRank(times, 50)), Days(NearestRank(times, 90))),
            new ServicePromiseFigures(
                cases.Count(c => c.Promise == PromiseOutcome.Kept),
                cases.Count(c => c.Promise == PromiseOutcome.Broken),
                cases.Count(c => c.Promise == PromiseOutcome.Pending)),
            cases.Sum(c => c.OverdueReferrals),
            new KlarmarkeringFigures(cases.Sum(c => c.KlarmarkeringOverdue), cases.Sum(c => c.KlarmarkeringWaiting)));
    }

    /// <summary>Nearest rank: the value at rank ⌈p·n/100⌉ (1-based) of the sorted values.</summary>
    private static TimeSpan NearestRank(List<TimeSpan> sorted, int percent) =>
        sorted[Math.Max(1, ((percent * sorted.Count) + 99) / 100) - 1];

    private static decimal Days(TimeSpan span) =>
        Math.Round((decimal)span.Ticks / TimeSpan.TicksPerDay, 2, MidpointRounding.AwayFromZero);

    private enum PromiseOutcome
    {
        Kept,
        Broken,
        Pending,
    }

    private sealed record FoldContext(
        StatisticsQuery Query, Func<string, int?> PromiseDays, SwedishCalendar Calendar, DateTimeOffset AsOf, ILookup<string, StoredEvent> Answers);

    private sealed record CaseFacts(
        string? CaseType,
        string? Unit,
        bool OpenedInPeriod,
        bool ClosedInPeriod,
        bool OpenAtEnd,
        TimeSpan? HandlingTime,
        PromiseOutcome? Promise,
        int OverdueReferrals,
        int KlarmarkeringOverdue,
        int KlarmarkeringWaiting)
    {
        public bool IsRelevant =>
            OpenedInPeriod || ClosedInPeriod || OpenAtEnd || OverdueReferrals > 0 || KlarmarkeringOverdue > 0 || KlarmarkeringWaiting > 0;
    }
}
