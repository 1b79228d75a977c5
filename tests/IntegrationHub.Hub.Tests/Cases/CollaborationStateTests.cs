using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Cases;

/// <summary>The case API shows remisser, uppdrag, forwards and pauses as their events tell them.</summary>
public sealed class CollaborationStateTests(MunicipalHubFactory hub) : IClassFixture<MunicipalHubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    private static readonly OrganisationRef Miljo = new("MN", "Miljönämnden");
    private static readonly OrganisationRef Tekniska = new("TN", "Tekniska nämnden");

    [Fact]
    public async Task ForwardWithRetainedFollowUp_AwaitsKlarmarkering_UntilTheReceiverSendsIt()
    {
        var miljo = new Scenario(_client, "edp-future", "MIL-9101", "nedskrapning");
        var tekniska = new Scenario(_client, "platina", "TN-9101", "nedskrapning");
        var forward = new Collaboration
        {
            Kind = CollaborationKind.Vidarebefordran, CollaborationId = "vb-9101", From = Miljo, To = Tekniska, RetainedFollowUp = true,
            DueDate = new DateOnly(2026, 3, 20), TargetCase = new CaseLink { SourceSystem = "platina", SourceCaseId = "TN-9101" },
        };
        await miljo.Post(
            miljo.Event(CaseEventTypes.Opened, "Din anmälan har kommit in", diaryEvent: true),
            miljo.Event(CaseEventTypes.Forwarded, "Din anmälan har skickats till tekniska förvaltningen", change: d => d with { Collaboration = forward }));

        var before = (await miljo.Details()).GetProperty("state").GetProperty("forwards")[0];
        Assert.True(before.GetProperty("awaitingKlarmarkering").GetBoolean());
        Assert.True(before.GetProperty("overdue").GetBoolean());
        var relation = (await miljo.Details()).GetProperty("relations")[0];
        Assert.Equal("ForwardedTo", relation.GetProperty("kind").GetString());
        Assert.Equal(await tekniska.CaseId(), relation.GetProperty("relatedCaseId").GetString());

        await tekniska.Post(tekniska.Event(CaseEventTypes.Completed, "Platsen är städad", day: 9, change: d => d with
        {
            Collaboration = forward with
            {
                From = Tekniska, To = Miljo, DueDate = null, TargetCase = null,
                OriginatingCase = new CaseLink { SourceSystem = "edp-future", SourceCaseId = "MIL-9101" },
            },
        }));

        var after = (await miljo.Details()).GetProperty("state").GetProperty("forwards")[0];
        Assert.False(after.GetProperty("awaitingKlarmarkering").GetBoolean());
        Assert.False(after.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKindString, after.GetProperty("klarmarkeringAt").ValueKind.ToString());
    }

    private const string JsonValueKindString = "String";

    [Fact]
    public async Task ParallelRemisser_EachAnsweredOrNot_AndPausedTimeIsCounted()
    {
        var bygglov = new Scenario(_client, "edp-future", "BYGG-9201", "bygglov");
        Collaboration Remiss(string id, string to) => new()
        {
            Kind = CollaborationKind.Remiss, CollaborationId = id, From = new("SBN"), To = new(to), DueDate = new DateOnly(2030, 1, 1),
        };
        await bygglov.Post(
            bygglov.Event(CaseEventTypes.Opened, "Din ansökan har kommit in", day: 1),
            bygglov.Event(CaseEventTypes.Referred, "Remiss till miljöförvaltningen", change: d => d with { Collaboration = Remiss("r-1", "MN") }, day: 2),
            bygglov.Event(CaseEventTypes.Referred, "Remiss till räddningstjänsten", change: d => d with { Collaboration = Remiss("r-2", "RTJ") }, day: 2),
            bygglov.Event(CaseEventTypes.ReferralAnswered, "Miljöförvaltningen har svarat", change: d => d with { Collaboration = Remiss("r-1", "SBN") with { From = new("MN") } }, day: 5),
            bygglov.Event(CaseEventTypes.Paused, "Vi väntar på komplettering från dig", change: d => d with { Pause = new Pause { Reason = PauseReason.AwaitingApplicant } }, day: 6),
            bygglov.Event(CaseEventTypes.Resumed, "Kompletteringen har kommit in", day: 9));

        var state = (await bygglov.Details()).GetProperty("state");

        var referrals = state.GetProperty("referrals").EnumerateArray().ToList();
        Assert.Equal(["MN", "RTJ"], referrals.Select(r => r.GetProperty("to").GetProperty("id").GetString()));
        Assert.Equal(JsonValueKindString, referrals[0].GetProperty("answeredAt").ValueKind.ToString());
        Assert.False(referrals[1].TryGetProperty("answeredAt", out _));
        Assert.False(state.GetProperty("pause").GetProperty("isPaused").GetBoolean());
        Assert.Equal("3.00:00:00", state.GetProperty("pause").GetProperty("totalPaused").GetString());
    }
}
