using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Deadlines;
using IntegrationHub.Hub.Tests.Deadlines;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Scenarios;

/// <summary>
/// DOMAIN.md's second worked example: a citizen proposal (medborgarförslag) comes in through the
/// contact centre's e-service, goes to the council (KF), which has the executive board (KS) prepare it;
/// KS sends it on remiss to a committee (Tekniska nämnden), gets the answer, and KF decides.
/// </summary>
public sealed class CitizenProposalScenarioTests(EarlyClockHub hub) : IClassFixture<EarlyClockHub>
{
    private static readonly OrganisationRef Kf = new("KF", "Kommunfullmäktige");
    private static readonly OrganisationRef Ks = new("KS", "Kommunstyrelsen");
    private static readonly OrganisationRef Tn = new("TN", "Tekniska nämnden");
    private const string Proposer = "199001012385";

    [Fact]
    public async Task Medborgarforslag_FromEServiceToDecision_IsOneRegisteredCaseWithItsRemissAnswered()
    {
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var client = hub.CreateClient();
        var eService = new Scenario(client, "open-eplatform", "OEP-77001", "medborgarforslag");
        var platina = new Scenario(client, "platina", "KS-2026-0412", "medborgarforslag");
        var preparation = new Collaboration { Kind = CollaborationKind.Uppdragsgivning, CollaborationId = "kf-ks-0412", From = Kf, To = Ks, DueDate = new DateOnly(2026, 9, 30) };
        var remiss = new Collaboration { Kind = CollaborationKind.Remiss, CollaborationId = "ks-tn-0412", From = Ks, To = Tn, DueDate = new DateOnly(2026, 5, 15) };

        // The contact centre's e-service receives the proposal: the hub registers it in KS's diary.
        await eService.Post(eService.Event(CaseEventTypes.Opened, "Ditt medborgarförslag har kommit in", diaryEvent: true, day: 0, change: d => d with
        {
            Case = d.Case with { Title = "Medborgarförslag om fler parkbänkar i Norra stadsparken", Unit = new("ks-kansli", "Kommunkansliet") },
            Event = d.Event with { Category = CustomerEventCategory.Receipt },
            Document = Scenario.IncomingDocument("Medborgarförslag: fler parkbänkar", "Karin Förslagsson"),
            Parties = [new Party { Role = PartyRole.Applicant, Identity = new(IdentityType.Personnummer, Proposer), Name = "Karin Förslagsson" }],
        }));
        var caseId = await eService.CaseId();

        // Platina takes over the case (naming the hub case); KF gives KS the preparation, KS sends a remiss to TN.
        await platina.Post(
            platina.Event(CaseEventTypes.StatusChanged, "Förslaget har lämnats till kommunfullmäktige", day: 10, change: d => d with { Case = d.Case with { HubCaseId = Guid.Parse(caseId) } }),
            platina.Event(CaseEventTypes.Assigned, "Kommunstyrelsen bereder förslaget", day: 30, change: d => d with { Collaboration = preparation }),
            platina.Event(CaseEventTypes.Referred, "Förslaget är på remiss hos tekniska nämnden", day: 35, change: d => d with { Collaboration = remiss }));

        var whileOnRemiss = (await eService.Details()).GetProperty("state").GetProperty("referrals")[0];
        Assert.False(whileOnRemiss.TryGetProperty("answeredAt", out _));

        // TN answers; KS reports the preparation done; KF decides (a diary event); the case is closed.
        await platina.Post(
            platina.Event(CaseEventTypes.ReferralAnswered, "Tekniska nämnden har svarat på remissen", day: 60, change: d => d with { Collaboration = remiss with { From = Tn, To = Ks, DueDate = null } }),
            platina.Event(CaseEventTypes.Completed, "Kommunstyrelsen har berett förslaget", day: 80, change: d => d with { Collaboration = preparation with { From = Ks, To = Kf, DueDate = null } }),
            platina.Event(CaseEventTypes.Decided, "Kommunfullmäktige har beslutat om ditt förslag", diaryEvent: true, day: 100, change: d => d with
            {
                Event = d.Event with { Category = CustomerEventCategory.Decision },
                Decision = new Decision { Outcome = DecisionOutcome.Approved, DecidedAt = DateTimeOffset.Parse("2026-06-10T19:00:00+02:00", null), DecidedBy = Kf, Paragraph = "§ 87" },
                Document = new Document { Direction = DocumentDirection.DrawnUp, Title = "Protokollsutdrag KF § 87: medborgarförslag om parkbänkar", Date = DateTimeOffset.Parse("2026-06-10T19:00:00+02:00", null) },
            }),
            platina.Event(CaseEventTypes.Closed, "Ärendet är avslutat", day: 101));

        var details = await eService.Details();

        // One case, known in two systems.
        Assert.Equal(caseId, await platina.CaseId());
        Assert.Equal(["open-eplatform", "platina"], details.GetProperty("sourceIds").EnumerateArray().Select(s => s.GetProperty("sourceSystem").GetString()));

        // Registered in KS's diary: the proposal as document 1, the decision as document 2.
        Assert.Equal("KS 2026/1", details.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());
        var documents = details.GetProperty("registrations").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "Document").ToList();
        Assert.Equal(["inkommen", "upprättad"], documents.Select(d => d.GetProperty("direction").GetString()));
        Assert.Equal("Protokollsutdrag KF § 87: medborgarförslag om parkbänkar", documents[1].GetProperty("description").GetString());
        var timeline = await eService.Timeline();
        Assert.Equal(2, timeline.Single(e => e.GetProperty("event").GetProperty("type").GetString() == CaseEventTypes.Decided).GetProperty("registration").GetProperty("documentNumber").GetInt32());

        // The remiss was answered and the preparation done; nothing is overdue afterwards.
        var state = details.GetProperty("state");
        Assert.Equal(JsonValueKind.String, state.GetProperty("referrals")[0].GetProperty("answeredAt").ValueKind);
        Assert.Equal(JsonValueKind.String, state.GetProperty("assignments")[0].GetProperty("completedAt").ValueKind);
        Assert.Equal("Stängt", details.GetProperty("case").GetProperty("status").GetString());
        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await hub.Services.GetRequiredService<DeadlineMonitor>().CheckAsync(CancellationToken.None));

        // Statistics for medborgarförslag in 2026: opened and closed once; the remiss was answered in time.
        var statistics = await (await client.GetAsync("/api/v1/statistics?municipality=2281&caseType=medborgarforslag&from=2026-01-01&to=2026-11-30")).Json();
        var totals = statistics.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("opened").GetInt32());
        Assert.Equal(1, totals.GetProperty("closed").GetInt32());
        Assert.Equal(0, totals.GetProperty("overdueReferrals").GetInt32());
        Assert.Equal(1, totals.GetProperty("handlingTime").GetProperty("count").GetInt32());
        Assert.Equal(101m, totals.GetProperty("handlingTime").GetProperty("medianDays").GetDecimal());

        // The proposer follows it all in Mina Sidor, ending with the decision and the closing.
        var mine = await (await client.GetAsync($"/api/v1/people/{Proposer}/events?municipality=2281")).Json();
        Assert.Equal(
            ["Ärendet är avslutat", "Kommunfullmäktige har beslutat om ditt förslag"],
            mine.GetProperty("items").EnumerateArray().Take(2).Select(i => i.GetProperty("event").GetProperty("data").GetProperty("event").GetProperty("headline").GetString()));
        Assert.Equal(8, mine.GetProperty("items").GetArrayLength());
    }
}
