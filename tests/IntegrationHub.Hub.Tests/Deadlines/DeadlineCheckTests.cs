using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Deadlines;

/// <summary>A municipal hub whose clock starts at New Year 2026, so deadline tests can move it forward.</summary>
public sealed class EarlyClockHub : MunicipalHubFactory
{
    public EarlyClockHub() : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }
}

/// <summary>An unanswered remiss becomes one deadline-passed event in the case's timeline.</summary>
public sealed class RemissDeadlineTests(EarlyClockHub hub) : IClassFixture<EarlyClockHub>
{
    private readonly HttpClient _client = hub.CreateClient();

    private DeadlineMonitor Monitor => hub.Services.GetRequiredService<DeadlineMonitor>();

    [Fact]
    public async Task UnansweredRemissPastItsDueDate_RaisesOneDeadlineEvent_AndAnAnsweredOneNone()
    {
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero));
        var bygglov = new Scenario(_client, "edp-future", "BYGG-DL-1", "bygglov");
        Collaboration Remiss(string id, string to) => new()
        {
            Kind = CollaborationKind.Remiss, CollaborationId = id, From = new("SBN"), To = new(to, to == "MN" ? "Miljönämnden" : null), DueDate = new DateOnly(2026, 3, 10),
        };
        await bygglov.Post(
            bygglov.Event(CaseEventTypes.Opened, "Din ansökan har kommit in", day: 1),
            bygglov.Event(CaseEventTypes.Referred, "Remiss till miljöförvaltningen", change: d => d with { Collaboration = Remiss("dl-r-1", "MN") }, day: 2),
            bygglov.Event(CaseEventTypes.Referred, "Remiss till räddningstjänsten", change: d => d with { Collaboration = Remiss("dl-r-2", "RTJ") }, day: 2),
            bygglov.Event(CaseEventTypes.ReferralAnswered, "Räddningstjänsten har svarat", change: d => d with { Collaboration = Remiss("dl-r-2", "SBN") with { From = new("RTJ") } }, day: 4));

        Assert.Equal(0, await Monitor.CheckAsync(CancellationToken.None));
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 6, 0, 0, TimeSpan.Zero));
        var first = await Monitor.CheckAsync(CancellationToken.None);
        var second = await Monitor.CheckAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        await Eventually.True(async () => (await bygglov.Timeline()).Any(e => e.GetProperty("event").GetProperty("type").GetString() == CaseEventTypes.DeadlinePassed),
            "the deadline event in the case's timeline");
        var deadline = (await bygglov.Timeline()).Single(e => e.GetProperty("event").GetProperty("type").GetString() == CaseEventTypes.DeadlinePassed).GetProperty("event");
        Assert.Equal("urn:integrationhub:hub:2281", deadline.GetProperty("source").GetString());
        var data = deadline.GetProperty("data");
        Assert.Equal("remiss", data.GetProperty("deadline").GetProperty("kind").GetString());
        Assert.Equal("2026-03-10", data.GetProperty("deadline").GetProperty("dueDate").GetString());
        Assert.Equal("dl-r-1", data.GetProperty("deadline").GetProperty("collaborationId").GetString());
        Assert.Equal("Svarsdatumet 10 mars 2026 för remissen till Miljönämnden har passerat", data.GetProperty("event").GetProperty("headline").GetString());
    }
}

/// <summary>A missing klarmarkering becomes a deadline-passed event.</summary>
public sealed class KlarmarkeringDeadlineTests(EarlyClockHub hub) : IClassFixture<EarlyClockHub>
{
    private readonly HttpClient _client = hub.CreateClient();

    private DeadlineMonitor Monitor => hub.Services.GetRequiredService<DeadlineMonitor>();

    [Fact]
    public async Task MissingKlarmarkeringPastItsDueDate_RaisesAKlarmarkeringDeadline()
    {
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
        var miljo = new Scenario(_client, "edp-future", "MIL-DL-2", "stadning");
        await miljo.Post(
            miljo.Event(CaseEventTypes.Opened, "Din anmälan har kommit in", day: 1),
            miljo.Event(CaseEventTypes.Forwarded, "Din anmälan har skickats till tekniska förvaltningen", day: 2, change: d => d with
            {
                Collaboration = new Collaboration
                {
                    Kind = CollaborationKind.Vidarebefordran, CollaborationId = "dl-vb-2", From = new("MN"), To = new("TN", "Tekniska nämnden"),
                    RetainedFollowUp = true, DueDate = new DateOnly(2026, 3, 31),
                },
            }));

        Assert.Equal(1, await Monitor.CheckAsync(CancellationToken.None));

        await Eventually.True(async () => (await miljo.Timeline()).Any(e =>
            e.GetProperty("event").GetProperty("data").TryGetProperty("deadline", out var d) && d.GetProperty("kind").GetString() == "klarmarkering"),
            "the klarmarkering deadline in the case's timeline");
    }
}

/// <summary>The Quartz schedule runs the check by itself.</summary>
public sealed class ScheduledDeadlineCheckTests(ScheduledDeadlineCheckTests.EverySecondHub hub) : IClassFixture<ScheduledDeadlineCheckTests.EverySecondHub>
{
    public sealed class EverySecondHub : MunicipalHubFactory
    {
        public EverySecondHub() : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            Settings["Hub:Deadlines:Enabled"] = "true";
            Settings["Hub:Deadlines:Cron"] = "* * * * * ?";
        }
    }

    [Fact]
    public async Task CronSchedule_RaisesPassedDeadlinesWithoutBeingAsked()
    {
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var client = hub.CreateClient();
        var assignment = new Scenario(client, "platina", "TN-DL-3", "nedskrapning");
        await assignment.Post(
            assignment.Event(CaseEventTypes.Opened, "Uppdrag om städning", day: 1),
            assignment.Event(CaseEventTypes.Assigned, "Städningen har lämnats till arbetsmarknadsenheten", day: 2, change: d => d with
            {
                Collaboration = new Collaboration
                {
                    Kind = CollaborationKind.Uppdragsgivning, CollaborationId = "dl-upp-3", From = new("TN"), To = new("AME", "Arbetsmarknadsenheten"), DueDate = new DateOnly(2026, 4, 1),
                },
            }));

        // Quartz runs on the hub's TimeProvider, so the schedule moves when the test clock does.
        await Eventually.True(async () =>
        {
            hub.Clock.Advance(TimeSpan.FromSeconds(1));
            return (await assignment.Timeline()).Any(e =>
                e.GetProperty("event").GetProperty("data").TryGetProperty("deadline", out var d) && d.GetProperty("kind").GetString() == "uppdrag");
        }, "the scheduled check to raise the uppdrag deadline");
    }
}

/// <summary>A service promise passes its due date, counted in Swedish working days without the paused ones.</summary>
public sealed class ServicePromiseDeadlineTests(EarlyClockHub hub) : IClassFixture<EarlyClockHub>
{
    [Fact]
    public async Task ServicePromise_WithoutDecisionByItsDueDate_RaisesADeadline_AndPausedWorkingDaysMoveTheDueDate()
    {
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero));
        var client = hub.CreateClient();
        var monitor = hub.Services.GetRequiredService<DeadlineMonitor>();
        var littering = new Scenario(client, "edp-future", "MIL-DL-4", "nedskrapning");

        // Opened Tuesday 3 March; waits for the complainant 5–10 March (three working days: 6, 9, 10 March).
        await littering.Post(
            littering.Event(CaseEventTypes.Opened, "Din anmälan har kommit in", day: 1),
            littering.Event(CaseEventTypes.Paused, "Vi behöver en bild av platsen", day: 3, change: d => d with { Pause = new Pause { Reason = PauseReason.AwaitingApplicant } }),
            littering.Event(CaseEventTypes.Resumed, "Bilden har kommit in", day: 8));

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));

        await Eventually.True(async () => (await littering.Timeline()).Any(e =>
            e.GetProperty("event").GetProperty("data").TryGetProperty("deadline", out var d)
            && d.GetProperty("kind").GetString() == "servicelöfte" && d.GetProperty("dueDate").GetString() == "2026-03-20"),
            "the broken service promise, due 20 March, in the case's timeline");
    }
}
