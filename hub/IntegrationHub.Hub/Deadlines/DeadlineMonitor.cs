using System.Globalization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Hub.Cases;
using IntegrationHub.Hub.Municipalities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// Finds deadlines that have passed — remisser unanswered on their svarsdatum, uppdrag unfinished,
/// klarmarkeringar missing, service promises (servicelöften) without a decision — and raises a <c>deadline-passed</c> event for each through the intake, so it
/// is stored, shown in the case timeline and delivered like any event. Raising is idempotent.
/// </summary>
public sealed class DeadlineMonitor(
    CaseHistoryReader reader,
    MunicipalityDirectory directory,
    IServiceScopeFactory scopes,
    TimeProvider timeProvider,
    ILogger<DeadlineMonitor> logger)
{
    private const int BatchSize = 200;

    /// <summary>Checks every case once; returns how many new deadline events were stored.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var passed = new List<CaseEvent>();
        foreach (var history in await reader.ReadAsync(null, cancellationToken))
        {
            var alreadyRaised = history.Events.Select(e => e.Event.Id).ToHashSet(StringComparer.Ordinal);
            passed.AddRange(Find(history, now, directory.ServicePromiseWorkingDays, SwedishCalendar.Default)
                .Select(p => DeadlineEvents.Create(p, now))
                .Where(e => !alreadyRaised.Contains(e.Id)));
        }

        var stored = 0;
        foreach (var batch in passed.Chunk(BatchSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var receipt = await scope.ServiceProvider.GetRequiredService<ICaseEventIntake>().SubmitAsync(batch, cancellationToken);
            stored += receipt.Events.Count(e => !e.Duplicate);
        }

        logger.LogInformation("Deadline check: {Stored} deadline(s) newly passed", stored);
        return stored;
    }

    /// <summary>The passed deadlines of one case; <paramref name="promiseDays"/> gives a case type's service promise.</summary>
    public static IEnumerable<PassedDeadline> Find(CaseHistory history, DateTimeOffset now, Func<string, string?, int?> promiseDays, SwedishCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(promiseDays);
        var state = CaseStateProjector.Project(history.Events.Concat(history.Answers), now);
        if (BrokenPromise(history, state, now, promiseDays, calendar) is { } broken)
        {
            yield return broken;
        }

        foreach (var r in state.Referrals.Where(r => r.Overdue))
        {
            yield return Passed(history, DeadlineKind.Remiss, r.DueDate!.Value, r.CollaborationId, r.To,
                $"Svarsdatumet {Day(r.DueDate.Value)} för remissen till {Name(r.To)} har passerat");
        }

        foreach (var a in state.Assignments.Where(a => a.Overdue))
        {
            yield return Passed(history, DeadlineKind.Uppdrag, a.DueDate!.Value, a.CollaborationId, a.To,
                $"Uppdraget till {Name(a.To)} skulle ha varit klart {Day(a.DueDate.Value)}");
        }

        foreach (var f in state.Forwards.Where(f => f.Overdue))
        {
            yield return Passed(history, DeadlineKind.Klarmarkering, f.DueDate!.Value, f.CollaborationId, f.To,
                $"Klarmarkering från {Name(f.To)} saknas; den väntades senast {Day(f.DueDate.Value)}");
        }
    }

    /// <summary>A service promise is broken when the case has neither a decision nor a closing by its due date.</summary>
    private static PassedDeadline? BrokenPromise(CaseHistory history, CaseState state, DateTimeOffset now, Func<string, string?, int?> promiseDays, SwedishCalendar calendar)
    {
        var events = history.Events.Select(e => e.Event).ToList();
        var caseType = events.Select(e => e.Data.Case.CaseType).LastOrDefault(t => t is not null);
        if (promiseDays(history.Municipality, caseType) is not { } days
            || events.Exists(e => e.Type is CaseEventTypes.Decided or CaseEventTypes.Closed))
        {
            return null;
        }

        var opened = events.Find(e => e.Type == CaseEventTypes.Opened) ?? events[0];
        var due = ServicePromise.DueDate(SwedishTime.DateOf(opened.Data.Event.OccurredAt), days, state.Pause.Intervals, now, calendar);
        return due is { } dueDate && dueDate < SwedishTime.DateOf(now)
            ? new PassedDeadline(history, new Deadline { Kind = DeadlineKind.ServicePromise, DueDate = dueDate, WorkingDays = days },
                $"Servicelöftet om beslut inom {days} arbetsdagar har inte hållits (senast {Day(dueDate)})")
            : null;
    }

    private static PassedDeadline Passed(CaseHistory history, DeadlineKind kind, DateOnly due, string collaborationId, OrganisationRef party, string headline) =>
        new(history, new Deadline { Kind = kind, DueDate = due, CollaborationId = collaborationId, Party = party }, headline);

    private static string Name(OrganisationRef party) => party.Name ?? party.Id;

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));
}
