using System.Globalization;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Hub.Statistics;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>
/// Builds the stored events of one case step by step, as the hub would have stored them (correlated,
/// with increasing sequence numbers). Times are Swedish local time, "yyyy-MM-dd HH:mm".
/// </summary>
internal sealed class CaseHistory(string sourceCaseId, string caseType, string unit, string sourceSystem = "edp-future", string municipality = "2281")
{
    private static long s_sequence;
    private readonly List<StoredEvent> _events = [];

    public Guid CaseId { get; } = Guid.NewGuid();

    public IReadOnlyList<StoredEvent> Events => _events;

    public static readonly OrganisationRef Miljoforvaltningen = new("miljoforvaltningen", "Miljöförvaltningen");
    public static readonly OrganisationRef Raddningstjansten = new("raddningstjansten", "Räddningstjänsten Medelpad");
    public static readonly OrganisationRef Stadsbyggnad = new("bygglovsenheten", "Bygglovsenheten");
    public static readonly OrganisationRef Tekniska = new("tekniska-forvaltningen", "Tekniska förvaltningen");

    /// <summary>A Swedish local time as an instant.</summary>
    public static DateTimeOffset At(string swedishLocal)
    {
        var local = DateTime.ParseExact(swedishLocal, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, SwedishTime.Zone.GetUtcOffset(local));
    }

    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public CaseHistory Opened(string at, string headline = "Ditt ärende har kommit in") =>
        Add(CaseEventTypes.Opened, at, headline, d => d with { Case = d.Case with { Title = $"Ärende {sourceCaseId}", Unit = new OrganisationRef(unit) } }, diaryEvent: true);

    public CaseHistory StatusChanged(string at, string headline = "Ditt ärende handläggs nu", string? newUnit = null, string? newCaseType = null) =>
        Add(CaseEventTypes.StatusChanged, at, headline, d => d with
        {
            Case = d.Case with { Unit = newUnit is null ? null : new OrganisationRef(newUnit), CaseType = newCaseType },
        });

    public CaseHistory Paused(string at, string waitingFor = "Komplettering från sökanden") =>
        Add(CaseEventTypes.Paused, at, "Vi väntar på komplettering från dig", d => d with
        {
            Pause = new Pause { Reason = PauseReason.AwaitingApplicant, WaitingFor = waitingFor },
        });

    public CaseHistory Resumed(string at) => Add(CaseEventTypes.Resumed, at, "Kompletteringen har kommit in och handläggningen fortsätter");

    public CaseHistory Decided(string at, DecisionOutcome outcome = DecisionOutcome.Approved) =>
        Add(CaseEventTypes.Decided, at, "Beslut i ditt ärende", d => d with
        {
            Decision = new Decision { Outcome = outcome, DecidedAt = At(at), Paragraph = "§ 42", Summary = "Ansökan beviljas" },
        }, diaryEvent: true);

    public CaseHistory Closed(string at) => Add(CaseEventTypes.Closed, at, "Ditt ärende är avslutat");

    public CaseHistory Reopened(string at) => Add(CaseEventTypes.Reopened, at, "Ditt ärende har öppnats igen");

    public CaseHistory Referred(string at, string collaborationId, OrganisationRef to, string dueDate) =>
        Add(CaseEventTypes.Referred, at, $"Remiss skickad till {to.Name}", d => d with
        {
            Collaboration = new Collaboration
            {
                Kind = CollaborationKind.Remiss,
                CollaborationId = collaborationId,
                From = Stadsbyggnad,
                To = to,
                DueDate = Day(dueDate),
                Message = "Yttrande önskas över ansökan om bygglov för enbostadshus",
            },
        });

    /// <summary>The remissvar as the receiver signals it; when this history is the receiver's own case, <paramref name="sender"/> is the remiss sender.</summary>
    public CaseHistory ReferralAnswered(string at, string collaborationId, OrganisationRef from, OrganisationRef? sender = null) =>
        Add(CaseEventTypes.ReferralAnswered, at, $"{from.Name} har svarat på remissen", d => d with
        {
            Collaboration = new Collaboration { Kind = CollaborationKind.Remiss, CollaborationId = collaborationId, From = from, To = sender ?? Stadsbyggnad },
        });

    public CaseHistory Forwarded(string at, string collaborationId, OrganisationRef to, bool retainedFollowUp, string? dueDate) =>
        Add(CaseEventTypes.Forwarded, at, $"Ditt ärende har skickats till {to.Name}", d => d with
        {
            Collaboration = new Collaboration
            {
                Kind = CollaborationKind.Vidarebefordran,
                CollaborationId = collaborationId,
                From = Miljoforvaltningen,
                To = to,
                RetainedFollowUp = retainedFollowUp,
                DueDate = dueDate is null ? null : Day(dueDate),
            },
        });

    /// <summary>The klarmarkering the receiver of a forward sends back.</summary>
    public CaseHistory Completed(string at, string collaborationId, OrganisationRef from) =>
        Add(CaseEventTypes.Completed, at, "Platsen är städad", d => d with
        {
            Collaboration = new Collaboration { Kind = CollaborationKind.Vidarebefordran, CollaborationId = collaborationId, From = from, To = Miljoforvaltningen },
        });

    /// <summary>The same events as not yet correlated by the pipeline.</summary>
    public IEnumerable<StoredEvent> Uncorrelated() => _events.Select(e => e with { CaseId = null });

    private CaseHistory Add(string type, string at, string headline, Func<CaseEventData, CaseEventData>? change = null, bool diaryEvent = false)
    {
        var occurredAt = At(at);
        var data = new CaseEventData
        {
            Case = new CaseRef { SourceSystem = sourceSystem, SourceCaseId = sourceCaseId, CaseNumber = sourceCaseId, CaseType = caseType },
            Event = new EventDetails { Headline = headline, OccurredAt = occurredAt, IsDiaryEvent = diaryEvent },
        };
        var caseEvent = new CaseEvent
        {
            Id = Guid.NewGuid().ToString(),
            Source = $"urn:integrationhub:{sourceSystem}:{municipality}",
            Type = type,
            Time = occurredAt,
            Subject = $"{sourceSystem}/{sourceCaseId}",
            Municipality = municipality,
            DataClassification = DataClassification.Internal,
            Data = change is null ? data : change(data),
        };
        _events.Add(new StoredEvent(Interlocked.Increment(ref s_sequence), occurredAt.AddMinutes(1), CaseId, caseEvent));
        return this;
    }
}

/// <summary>Runs the calculator the way the API does, with Sundsvall's service promises.</summary>
internal static class StatisticsRun
{
    public static int? Promises(string caseType) => caseType switch
    {
        "bygglov" => 50,
        "nedskrapning" => 10,
        _ => null,
    };

    public static StatisticsReport Report(string from, string to, string now, params CaseHistory[] cases) =>
        Report(new StatisticsQuery("2281", CaseHistory.Day(from), CaseHistory.Day(to)), now, cases);

    public static StatisticsReport Report(StatisticsQuery query, string now, params CaseHistory[] cases) =>
        CaseStatisticsCalculator.Calculate(cases.SelectMany(c => c.Events), query, Promises, SwedishCalendar.Default, CaseHistory.At(now));
}
