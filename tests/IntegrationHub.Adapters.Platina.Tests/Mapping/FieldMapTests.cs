using IntegrationHub.Adapters.Platina.Inbound;
using IntegrationHub.Adapters.Platina.Tests.Support;
using IntegrationHub.Canonical.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Adapters.Platina.Tests.Mapping;

/// <summary>A partner whose JSON names fields differently is read through Mapping:Fields.</summary>
public sealed class FieldMapTests : IDisposable
{
    private const string PartnerPage = """
        {
          "handelser": [
            {
              "position": 17, "handelseId": 9001, "typ": "beslut", "tid": "2026-04-22T16:45:00+02:00",
              "arende": { "arendeId": 5501, "dnr": "BMN 2026/77", "mening": "Strandskyddsdispens för brygga", "typ": "Strandskydd", "status": "Beslutat" },
              "beslut": { "utfall": "Avslag", "organ": "Bygg- och miljönämnden", "paragraf": "§ 91" }
            }
          ],
          "fortsattning": null
        }
        """;

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    [Fact]
    public async Task APartnersOwnFieldNames_AreMappedByJsonPointer()
    {
        _server.Given(Request.Create().WithPath("/events").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody(PartnerPage));
        using var platina = new PlatinaSimulator();
        var options = TestOptions.For(platina);
        options.BaseUrl = new Uri(_server.Url!);
        options.Mapping.EventTypes["beslut"] = CaseEventTypes.Decided;
        var fields = options.Mapping.Fields;
        (fields.Events, fields.Next, fields.Cursor, fields.Id, fields.Type, fields.OccurredAt) = ("/handelser", "/fortsattning", "/position", "/handelseId", "/typ", "/tid");
        (fields.CaseId, fields.CaseDiarienummer, fields.CaseTitle, fields.CaseType, fields.CaseStatus) = ("/arende/arendeId", "/arende/dnr", "/arende/mening", "/arende/typ", "/arende/status");
        (fields.DecisionOutcome, fields.DecisionBodyName, fields.DecisionParagraph) = ("/beslut/utfall", "/beslut/organ", "/beslut/paragraf");
        var source = new PlatinaSource(TestOptions.Instance, options, TestOptions.Client(options), new InMemoryHub());

        var batch = await source.ReceiveAsync(null, CancellationToken.None);

        var decided = Assert.Single(batch.Events);
        SchemaAssert.Valid(decided);
        Assert.Equal("platina-9001", decided.Id);
        Assert.Equal("17", batch.Checkpoint);
        Assert.Equal("5501", decided.Data.Case.SourceCaseId);
        Assert.Equal(new Diarienummer("BMN 2026/77", "BMN", 2026, 77), decided.Data.Case.Diarienummer);
        Assert.Equal("strandskydd", decided.Data.Case.CaseType);
        Assert.Equal(DecisionOutcome.Rejected, decided.Data.Decision!.Outcome);
        Assert.Equal(new OrganisationRef("Bygg-och-miljonamnden", "Bygg- och miljönämnden"), decided.Data.Decision.DecidedBy);
    }

    [Fact]
    public async Task AFieldTheMapCannotFind_IsReportedWithTheSettingToFix()
    {
        _server.Given(Request.Create().WithPath("/events").UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody(PartnerPage));
        using var platina = new PlatinaSimulator();
        var options = TestOptions.For(platina);
        options.BaseUrl = new Uri(_server.Url!);
        options.Mapping.Fields.Events = "/handelser";

        var error = await Assert.ThrowsAsync<IntegrationHub.Adapters.Abstractions.SourceUnavailableException>(() =>
            new PlatinaSource(TestOptions.Instance, options, TestOptions.Client(options), new InMemoryHub()).ReceiveAsync(null, CancellationToken.None));

        Assert.Contains("check Adapters:Platina:sundsvall:Mapping:Fields:Id", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();
}
