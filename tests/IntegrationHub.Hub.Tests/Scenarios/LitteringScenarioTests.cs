using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Tests.Deadlines;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Scenarios;

/// <summary>
/// DOMAIN.md's first worked example: littering reported to Environment (Miljö, EDP Future), forwarded
/// to the Technical office (Tekniska, Platina) with retained follow-up, assigned to the labour-market
/// unit (AME), done, and the klarmarkering back to Miljö.
/// </summary>
public sealed class LitteringScenarioTests(EarlyClockHub hub) : IClassFixture<EarlyClockHub>
{
    private static readonly OrganisationRef Miljo = new("MN", "Miljönämnden");
    private static readonly OrganisationRef Tekniska = new("TN", "Tekniska nämnden");
    private static readonly OrganisationRef Ame = new("AME", "Arbetsmarknadsenheten");
    private const string Complainant = "191212121212";

    [Fact]
    public async Task Littering_ForwardedAssignedDoneAndKlarmarkering_TellsTheWholeStory()
    {
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var client = hub.CreateClient();
        var monitor = hub.Services.GetRequiredService<DeadlineMonitor>();
        var miljo = new Scenario(client, "edp-future", "MIL-2026-0301", "nedskrapning");
        var tekniska = new Scenario(client, "platina", "TN-2026-0151", "stadning");
        var forward = new Collaboration
        {
            Kind = CollaborationKind.Vidarebefordran, CollaborationId = "vb-MIL-0301", From = Miljo, To = Tekniska, RetainedFollowUp = true,
            DueDate = new DateOnly(2026, 3, 20), TargetCase = new CaseLink { SourceSystem = "platina", SourceCaseId = "TN-2026-0151" },
        };
        var assignment = new Collaboration
        {
            Kind = CollaborationKind.Uppdragsgivning, CollaborationId = "upp-TN-0151-AME", From = Tekniska, To = Ame, DueDate = new DateOnly(2026, 3, 18),
        };

        // Miljö receives the report (a diary event) and forwards it with retained follow-up.
        await miljo.Post(
            miljo.Event(CaseEventTypes.Opened, "Din anmälan om nedskräpning har kommit in", diaryEvent: true, day: 1, change: d => d with
            {
                Case = d.Case with { Title = "Anmälan om nedskräpning längs Selångersån", Unit = new("miljo", "Miljöskydd") },
                Event = d.Event with { Category = CustomerEventCategory.Receipt },
                Document = Scenario.IncomingDocument("Anmälan om nedskräpning", "Nils Anmälare"),
                Parties = [new Party { Role = PartyRole.Complainant, Identity = new(IdentityType.Personnummer, Complainant), Name = "Nils Anmälare" }],
            }),
            miljo.Event(CaseEventTypes.Forwarded, "Din anmälan har skickats till tekniska förvaltningen", day: 2, change: d => d with
            {
                Event = d.Event with { Category = CustomerEventCategory.Information },
                Collaboration = forward,
            }));

        // Tekniska registers its own case in Platina and assigns the clean-up to AME.
        await tekniska.Post(
            tekniska.Event(CaseEventTypes.Opened, "Städning efter nedskräpning", day: 3, change: d => d with
            {
                Case = d.Case with { Title = "Städning längs Selångersån", Diarienummer = new Diarienummer("TN 2026/0151"), MainCaseNumber = null },
                Collaboration = forward with { OriginatingCase = new CaseLink { SourceSystem = "edp-future", SourceCaseId = "MIL-2026-0301" }, TargetCase = null },
            }),
            tekniska.Event(CaseEventTypes.Assigned, "Städningen har lämnats till arbetsmarknadsenheten", day: 4, change: d => d with { Collaboration = assignment }));

        // The day after the assignment's due date AME has not reported, and Miljö's ten-working-day
        // service promise (opened 3 March, due 17 March) has passed without a decision: two deadlines.
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 19, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await monitor.CheckAsync(CancellationToken.None));

        // AME reports, finishes; Tekniska sends the klarmarkering; Miljö closes its case.
        await tekniska.Post(
            tekniska.Event(CaseEventTypes.AssignmentReported, "Halva sträckan är städad", day: 17, change: d => d with { Collaboration = assignment with { From = Ame, To = Tekniska, DueDate = null } }),
            tekniska.Event(CaseEventTypes.Completed, "Städningen är klar", day: 18, change: d => d with { Collaboration = assignment with { From = Ame, To = Tekniska, DueDate = null } }),
            tekniska.Event(CaseEventTypes.Completed, "Platsen är städad", day: 18, change: d => d with
            {
                Collaboration = forward with { From = Tekniska, To = Miljo, DueDate = null, TargetCase = null, OriginatingCase = new CaseLink { SourceSystem = "edp-future", SourceCaseId = "MIL-2026-0301" } },
            }));
        await miljo.Post(miljo.Event(CaseEventTypes.Closed, "Ärendet är avslutat. Tack för din anmälan!", day: 19, change: d => d with { Event = d.Event with { Category = CustomerEventCategory.Information } }));

        var miljoCase = await miljo.Details();
        var tekniskaCase = await tekniska.Details();

        // Diary: Miljö's case is registered in the hub's MN diary; Tekniska's number comes from Platina.
        Assert.Equal("2026-000001", miljoCase.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        Assert.Equal(["Case", "Document"], miljoCase.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("Nils Anmälare", miljoCase.GetProperty("registrations")[1].GetProperty("correspondent").GetString());
        Assert.Equal("TN 2026/0151", tekniskaCase.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        Assert.Equal("Stängt", miljoCase.GetProperty("case").GetProperty("status").GetString());

        // Correlation: one relation Miljö → Tekniska, from both sides.
        var relation = Assert.Single(miljoCase.GetProperty("relations").EnumerateArray());
        Assert.Equal("ForwardedTo", relation.GetProperty("kind").GetString());
        Assert.Equal(await tekniska.CaseId(), relation.GetProperty("relatedCaseId").GetString());

        // Collaboration state: klarmarkering received, assignment reported once and done.
        var forwardState = Assert.Single(miljoCase.GetProperty("state").GetProperty("forwards").EnumerateArray());
        Assert.False(forwardState.GetProperty("awaitingKlarmarkering").GetBoolean());
        Assert.Equal(JsonValueKind.String, forwardState.GetProperty("klarmarkeringAt").ValueKind);
        var assignmentState = Assert.Single(tekniskaCase.GetProperty("state").GetProperty("assignments").EnumerateArray());
        Assert.Equal(1, assignmentState.GetProperty("reports").GetInt32());
        Assert.Equal(JsonValueKind.String, assignmentState.GetProperty("completedAt").ValueKind);

        // Timelines: Miljö's, with its broken service promise; Tekniska's, with the deadline raised when AME was a day late.
        var miljoTimeline = (await miljo.Timeline()).Select(e => e.GetProperty("event")).ToList();
        Assert.Equal(
            [CaseEventTypes.Opened, CaseEventTypes.Forwarded, CaseEventTypes.DeadlinePassed, CaseEventTypes.Closed],
            miljoTimeline.Select(e => e.GetProperty("type").GetString()));
        var promise = miljoTimeline[2].GetProperty("data").GetProperty("deadline");
        Assert.Equal("servicelöfte", promise.GetProperty("kind").GetString());
        Assert.Equal("2026-03-17", promise.GetProperty("dueDate").GetString());
        Assert.Equal(10, promise.GetProperty("workingDays").GetInt32());
        var tekniskaTimeline = (await tekniska.Timeline()).Select(e => e.GetProperty("event")).ToList();
        Assert.Equal(
            [CaseEventTypes.Opened, CaseEventTypes.Assigned, CaseEventTypes.DeadlinePassed, CaseEventTypes.AssignmentReported, CaseEventTypes.Completed, CaseEventTypes.Completed],
            tekniskaTimeline.Select(e => e.GetProperty("type").GetString()));
        var deadline = tekniskaTimeline[2].GetProperty("data").GetProperty("deadline");
        Assert.Equal("uppdrag", deadline.GetProperty("kind").GetString());
        Assert.Equal("AME", deadline.GetProperty("party").GetProperty("id").GetString());

        // Mina Sidor: the complainant sees Miljö's case, newest first.
        var mine = await (await client.GetAsync($"/api/v1/people/{Complainant}/events?municipality=2281")).Json();
        var headlines = mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event").GetProperty("data").GetProperty("event").GetProperty("headline").GetString()).ToList();
        Assert.Equal("Ärendet är avslutat. Tack för din anmälan!", headlines[0]);
        Assert.Contains("Din anmälan om nedskräpning har kommit in", headlines);

        // Statistics for nedskräpning in March: one case opened and closed, its promise broken; no klarmarkering missing.
        var statistics = await (await client.GetAsync("/api/v1/statistics?municipality=2281&caseType=nedskrapning&from=2026-03-01&to=2026-03-31")).Json();
        var totals = statistics.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("opened").GetInt32());
        Assert.Equal(1, totals.GetProperty("closed").GetInt32());
        Assert.Equal(0, totals.GetProperty("backlog").GetInt32());
        Assert.Equal(1, totals.GetProperty("servicePromises").GetProperty("broken").GetInt32());
        Assert.Equal(0, totals.GetProperty("missingKlarmarkering").GetProperty("overdue").GetInt32());
        Assert.Equal(0, totals.GetProperty("missingKlarmarkering").GetProperty("waiting").GetInt32());
        Assert.Equal(18m, totals.GetProperty("handlingTime").GetProperty("medianDays").GetDecimal());

        // Nothing more is overdue once the klarmarkering is in.
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 30, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
    }
}
