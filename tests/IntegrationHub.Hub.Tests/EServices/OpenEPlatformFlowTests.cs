using System.Text;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Hub.Tests.EServices;

/// <summary>
/// A citizen's e-service submission end to end on the real hub, Open ePlatform simulated by WireMock.Net with its real
/// paths and shapes: the submission becomes a diarised case, Open ePlatform gets confirmDelivery; a decision from
/// another system reaches the citizen as setStatus and addMessage.
/// </summary>
public sealed class OpenEPlatformFlowTests : IDisposable
{
    private readonly WireMockServer _oep = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly MunicipalHubFactory _hub = new();
    private readonly HttpClient _client;

    public OpenEPlatformFlowTests()
    {
        SampleConfiguration.Load(_hub.Settings, "open-eplatform.appsettings.json", "OpenEPlatform", "sundsvall");
        _hub.Settings.Remove("Adapters:OpenEPlatform:sundsvall:PasswordFile");
        _hub.Settings["Adapters:OpenEPlatform:sundsvall:Password"] = "test-losenord";
        _hub.Settings["Adapters:OpenEPlatform:sundsvall:BaseUrl"] = $"{_oep.Url}/oep/";
        _hub.Settings["Adapters:OpenEPlatform:sundsvall:StartDate"] = "2026-03-02";
        _hub.Settings["Adapters:OpenEPlatform:sundsvall:Resilience:MaxRetries"] = "0";
        _hub.Settings.Remove("Adapters:OpenEPlatform:sundsvall:Families:205:CaseType");
        foreach (var key in _hub.Settings.Keys.Where(k => k.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:205", StringComparison.Ordinal)).ToList())
        {
            _hub.Settings.Remove(key);
        }

        _hub.Settings["Hub:Polling:Enabled"] = "false";
        _hub.Settings["Hub:Delivery:PollInterval"] = "00:00:00.100";
        _hub.Settings["Hub:Delivery:FirstRetryDelay"] = "00:00:00.200";
        _hub.Settings["Hub:Delivery:MaxRetryDelay"] = "00:00:00.400";
        Simulate();
        _client = _hub.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _hub.Dispose();
        _oep.Stop();
    }

    [Fact]
    public async Task ASubmission_BecomesADiarisedCase_AndADecisionElsewhere_ReachesTheCitizenInOpenEPlatform()
    {
        var outcome = await _hub.Services.GetRequiredService<SourcePoller>().PollAsync("open-eplatform/sundsvall", CancellationToken.None);
        Assert.Null(outcome.Error);
        Assert.Equal(1, outcome.NewEvents);

        // The case is opened and registered in the hub's SBN diary (bygglov), with the applicant and the PDF.
        var bygglov = new Scenario(_client, "open-eplatform", "48213", "bygglov");
        var details = await Eventually.Get(async () =>
        {
            var found = await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=open-eplatform&sourceCaseId=48213")).Json();
            return found.GetArrayLength() == 1 && found[0].TryGetProperty("diarienummer", out _) ? found[0] : (System.Text.Json.JsonElement?)null;
        }, "the diarised case");
        var diarienummer = details.GetProperty("diarienummer").GetProperty("value").GetString()!;
        Assert.StartsWith("SBN-2026/", diarienummer, StringComparison.Ordinal);
        var opened = Assert.Single(await bygglov.Timeline());
        Assert.Equal("191212121212", opened.GetProperty("event").GetProperty("data").GetProperty("parties")[0].GetProperty("identity").GetProperty("value").GetString());
        Assert.Contains(opened.GetProperty("event").GetProperty("data").GetProperty("document").GetProperty("attachments").EnumerateArray(),
            a => a.GetProperty("mediaType").GetString() == "application/pdf");

        // Open ePlatform hears that the case is registered, with the hub case as the external id.
        var confirm = await CallbackAsync("confirmDelivery");
        Assert.Contains(details.GetProperty("id").GetString()!, confirm, StringComparison.Ordinal);

        // The nämnd's decision is registered in another system (Platina) on the same hub case.
        var decided = new CaseEvent
        {
            Id = "platina-beslut-48213",
            Source = "urn:integrationhub:platina:2281",
            Type = CaseEventTypes.Decided,
            Time = new DateTimeOffset(2026, 4, 22, 16, 45, 0, TimeSpan.FromHours(2)),
            Municipality = "2281",
            DataClassification = DataClassification.Internal,
            Data = new CaseEventData
            {
                Case = new CaseRef { HubCaseId = Guid.Parse(details.GetProperty("id").GetString()!), SourceSystem = "platina", SourceCaseId = "PL-2026-000077" },
                Event = new EventDetails
                {
                    Headline = "Beslut i ditt ärende om bygglov",
                    Description = "Stadsbyggnadsnämnden har beviljat bygglov. Beslutet finns under Mina sidor.",
                    OccurredAt = new DateTimeOffset(2026, 4, 22, 16, 45, 0, TimeSpan.FromHours(2)),
                    IsDiaryEvent = true,
                    Category = CustomerEventCategory.Decision,
                },
                Decision = new Decision { Outcome = DecisionOutcome.Approved, DecidedAt = new DateTimeOffset(2026, 4, 22, 16, 45, 0, TimeSpan.FromHours(2)) },
            },
        };
        await new Scenario(_client, "platina", "PL-2026-000077", "bygglov").Post(decided);

        await Eventually.True(() => Task.FromResult(Callbacks("setStatus").Any(b => b.Contains(">Klart<", StringComparison.Ordinal))),
            "setStatus Klart (the status mapping's value for a decision)");
        var message = await CallbackAsync("addMessage");
        Assert.Contains("Stadsbyggnadsnämnden har beviljat bygglov", message, StringComparison.Ordinal);
        Assert.DoesNotContain("191212121212", message, StringComparison.Ordinal);
    }

    private async Task<string> CallbackAsync(string operation)
    {
        await Eventually.True(() => Task.FromResult(Callback(operation) is not null), $"Open ePlatform to get {operation}");
        return Callback(operation)!;
    }

    /// <summary>The body of the first callback call of that operation, or null.</summary>
    private string? Callback(string operation) => Callbacks(operation).FirstOrDefault();

    private List<string> Callbacks(string operation) => [.. _oep.LogEntries
        .Where(e => e.RequestMessage.Path == "/oep/api/callback" && e.RequestMessage.Body?.Contains(operation, StringComparison.Ordinal) == true)
        .Select(e => e.RequestMessage.Body!)];

    private void Simulate()
    {
        static byte[] Sample(string name) => File.ReadAllBytes(RepositoryFiles.PathOf($"samples/open-eplatform/{name}"));
        var list = Encoding.Latin1.GetString(Sample("getinstances-101.xml"));
        // Only the sample instance whose export ships (48213).
        var first = list.IndexOf("<FlowInstance>", StringComparison.Ordinal);
        var second = list.IndexOf("<FlowInstance>", first + 1, StringComparison.Ordinal);
        list = string.Concat(list.AsSpan(0, first), list.AsSpan(second));

        _oep.Given(Request.Create().UsingGet().WithPath("/oep/api/instanceapi/getinstances/family/101*"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml").WithBody(Encoding.Latin1.GetBytes(list)));
        _oep.Given(Request.Create().UsingGet().WithPath("/oep/api/instanceapi/getinstance/48213/xml"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml").WithBody(Sample("bygglov-48213.xml")));
        _oep.Given(Request.Create().UsingGet().WithPath("/oep/api/instanceapi/getinstance/48213/pdf"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(Sample("bygglov-48213.pdf")));
        foreach (var operation in new[] { "setStatus", "addMessage", "confirmDelivery" })
        {
            _oep.Given(Request.Create().UsingPost().WithPath("/oep/api/callback").WithBody(new WireMock.Matchers.WildcardMatcher($"*{operation}*")))
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=utf-8")
                    .WithBody(Encoding.UTF8.GetString(Sample($"callback-{operation}-response.xml"))));
        }
    }
}
