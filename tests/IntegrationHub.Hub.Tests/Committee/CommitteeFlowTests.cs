using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IntegrationHub.Hub.Tests.Committee;

/// <summary>
/// The committee flow end to end with the real hub: a Future errand reaches "Till nämnd", the hub creates the Platina
/// case with the case's documents and links both ids; Platina's decision comes back onto the same case's timeline.
/// Both systems are WireMock.Net simulations with the real operation names and shapes.
/// </summary>
public sealed class CommitteeFlowTests : IDisposable
{
    private const string Errand = "770455";
    private const string PlatinaCase = "PL-2026-000046";
    private const string FutureSoapAction = "*GetErrandsForCustomer*";

    private readonly CommitteeHubFactory _hub = new();
    private readonly HttpClient _client;

    public CommitteeFlowTests() => _client = _hub.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _hub.Dispose();
    }

    private SourcePoller Poller => _hub.Services.GetRequiredService<SourcePoller>();

    [Fact]
    public async Task AnErrandGoingToTheNamnd_IsCreatedInPlatinaOnceWithItsDocuments_EvenAfterPlatinaWasDown_AndTheDecisionComesBack()
    {
        // 1. Future has the VA errand under investigation: the hub opens the case; nothing goes to Platina.
        FutureAnswers(ErrandsWithStatus("Under utredning"));
        await PollAsync("edp-future/sundsvall");
        var caseId = await HubCaseAsync();

        // A document on the case (e.g. the application's drawing), its file in the hub's content store.
        var drawing = Encoding.UTF8.GetBytes("%PDF-1.7 situationsplan Exempelby 3:14");
        var stored = await _hub.Services.GetRequiredService<IContentStore>().PutAsync(drawing, "application/pdf", CancellationToken.None);
        await new Scenario(_client, "edp-future", Errand, "va-anslutning").Post(DocumentEvent(stored));

        // 2. Platina is down; the errand goes "Till nämnd" in Future. The delivery retries with backoff (here every
        // 0.2–0.4 s; by default 10 s doubling to an hour over 15 attempts, which outlasts an hour's outage).
        PlatinaDown();
        FutureAnswers(ErrandsWithStatus("Till nämnd"));
        await PollAsync("edp-future/sundsvall");
        await Eventually.True(() => Task.FromResult(PlatinaRequests("POST", "/integration/v1/cases").Count + PlatinaRequests("GET", "/integration/v1/cases").Count >= 4),
            "the hub to have tried Platina several times while it was down");
        Assert.Null(await PlatinaIdOnCaseAsync(caseId));

        // 3. Platina is back: the case is created once, with the document, and linked.
        PlatinaUp();
        await Eventually.True(async () => await PlatinaIdOnCaseAsync(caseId) == PlatinaCase, "the Platina case id on the hub case");
        var created = Assert.Single(PlatinaRequests("POST", "/integration/v1/cases"), r => r.ResponseMessage.StatusCode is 201);
        using (var body = JsonDocument.Parse(created.RequestMessage.Body!))
        {
            Assert.Equal(caseId.ToString(), body.RootElement.GetProperty("externalId").GetString());
            Assert.Contains("Exempelby 3:14", body.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var documents = PlatinaRequests("POST", $"/integration/v1/cases/{PlatinaCase}/documents");
        var document = Assert.Single(documents, r => r.ResponseMessage.StatusCode is 201);
        Assert.Contains(Convert.ToBase64String(drawing), document.RequestMessage.Body, StringComparison.Ordinal);
        var details = await (await _client.GetAsync($"/api/v1/cases/{caseId}")).Json();
        Assert.Equal("BN 2026/46", details.GetProperty("case").GetProperty("diarienummer").GetProperty("value").GetString());

        // Polling Future again (nothing new there) sends nothing more to Platina; the sink's own idempotency under
        // redelivery is covered by the Platina adapter's tests.
        await PollAsync("edp-future/sundsvall");
        Assert.Single(PlatinaRequests("POST", "/integration/v1/cases"), r => r.ResponseMessage.StatusCode is 201);

        // 4. The nämnd decides in Platina: the decision is on the Future errand's case.
        PlatinaEvents(caseId);
        Assert.Equal(1, (await Poller.PollAsync("platina/sundsvall", CancellationToken.None)).NewEvents);
        var errand = new Scenario(_client, "edp-future", Errand, "va-anslutning");
        await Eventually.True(async () => (await errand.Timeline()).Any(e => e.GetProperty("event").GetProperty("type").GetString() == CaseEventTypes.Decided),
            "the nämnd's decision on the errand's timeline");
        var timeline = await errand.Timeline();
        var decided = Assert.Single(timeline, e => e.GetProperty("event").GetProperty("type").GetString() == CaseEventTypes.Decided);
        Assert.Equal("approved", decided.GetProperty("event").GetProperty("data").GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Contains(timeline, e => e.GetProperty("event").GetProperty("source").GetString() == "urn:integrationhub:edp-future:2281");

        var health = await _client.GetFromJsonAsync<JsonElement>("/api/v1/adapters");
        Assert.All(health.EnumerateArray().Where(a => a.GetProperty("kind").GetString() is "edp-future" or "platina"),
            a => Assert.Equal("ok", a.GetProperty("state").GetString()));
    }

    private async Task PollAsync(string source)
    {
        var outcome = await Poller.PollAsync(source, CancellationToken.None);
        Assert.Null(outcome.Error);
    }

    private async Task<Guid> HubCaseAsync() => await Eventually.Get(async () =>
    {
        // The pipeline makes the case a moment after the poll stored the events.
        var found = await (await _client.GetAsync($"/api/v1/cases?municipality=2281&sourceSystem=edp-future&sourceCaseId={Errand}")).Json();
        return found.GetArrayLength() == 1 ? Guid.Parse(found[0].GetProperty("id").GetString()!) : (Guid?)null;
    }, "the hub case of the Future errand");

    private async Task<string?> PlatinaIdOnCaseAsync(Guid caseId)
    {
        var details = await (await _client.GetAsync($"/api/v1/cases/{caseId}")).Json();
        return details.GetProperty("sourceIds").EnumerateArray()
            .Where(s => s.GetProperty("sourceSystem").GetString() == "platina")
            .Select(s => s.GetProperty("sourceCaseId").GetString())
            .FirstOrDefault();
    }

    private static CaseEvent DocumentEvent(StoredContent stored) => new()
    {
        Id = "future-770455-situationsplan",
        Source = "urn:integrationhub:edp-future:2281",
        Type = CaseEventTypes.DocumentRegistered,
        Time = new DateTimeOffset(2026, 2, 4, 10, 0, 0, TimeSpan.FromHours(1)),
        Municipality = "2281",
        DataClassification = DataClassification.Internal,
        Data = new CaseEventData
        {
            Case = new CaseRef { SourceSystem = "edp-future", SourceCaseId = Errand },
            Event = new EventDetails { Headline = "Situationsplan har kommit in", OccurredAt = new DateTimeOffset(2026, 2, 4, 10, 0, 0, TimeSpan.FromHours(1)), IsDiaryEvent = true },
            Document = new Document
            {
                DocumentId = "future-770455-situationsplan",
                Direction = DocumentDirection.Incoming,
                Title = "Situationsplan, Exempelby 3:14",
                Date = new DateTimeOffset(2026, 2, 4, 10, 0, 0, TimeSpan.FromHours(1)),
                Attachments = [new Attachment("situationsplan.pdf", "application/pdf", stored.Size, stored.Sha256, stored.Reference)],
            },
        },
    };

    private static string ErrandsWithStatus(string status)
    {
        // The sample answer with the VA errand 770455 "Till nämnd"; earlier its status was another.
        var sample = File.ReadAllText(RepositoryFiles.PathOf("samples/edp-future/GetErrandsForCustomer-later.xml"));
        return status == "Till nämnd" ? sample : ReplaceFirst(sample, "<b:_Status>Till nämnd</b:_Status>", $"<b:_Status>{status}</b:_Status>");
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the sample has {what}");
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    private void FutureAnswers(string soapBody)
    {
        _hub.Future.Reset();
        _hub.Future.Given(Request.Create().UsingPost().WithPath("/EDPFutureWebAPI/EDPFutureWebAPI.svc").WithHeader("SOAPAction", FutureSoapAction))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=utf-8").WithBody(soapBody));
    }

    private void PlatinaDown()
    {
        _hub.Platina.Reset();
        _hub.Platina.Given(Request.Create().WithPath("/integration/v1/*"))
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"title":"Platina är tillfälligt otillgängligt","status":503}"""));
    }

    private void PlatinaUp()
    {
        _hub.Platina.Reset();
        // Platina keeps the case once created: a second POST with the same externalId answers 409 with it.
        var created = 0;
        _hub.Platina.Given(Request.Create().UsingGet().WithPath("/integration/v1/cases").WithHeader("X-Api-Key", "test-nyckel-platina"))
            .RespondWith(Response.Create().WithCallback(_ => Volatile.Read(ref created) == 0
                ? JsonMessage(200, """{"cases":[]}""")
                : JsonMessage(200, $$"""{"cases":[{"id":"{{PlatinaCase}}","diarienummer":"BN 2026/46","title":"VA","caseType":"VA-ärende","status":"Öppet"}]}""")));
        _hub.Platina.Given(Request.Create().UsingPost().WithPath("/integration/v1/cases").WithHeader("X-Api-Key", "test-nyckel-platina"))
            .RespondWith(Response.Create().WithCallback(_ => Interlocked.Exchange(ref created, 1) == 0
                ? JsonMessage(201, $$"""{"id":"{{PlatinaCase}}","diarienummer":"BN 2026/46"}""")
                : JsonMessage(409, $$"""{"title":"Ärendet finns redan","status":409,"id":"{{PlatinaCase}}","diarienummer":"BN 2026/46"}""")));
        _hub.Platina.Given(Request.Create().UsingGet().WithPath($"/integration/v1/cases/{PlatinaCase}/documents"))
            .RespondWith(Json(200, """{"documents":[]}"""));
        _hub.Platina.Given(Request.Create().UsingPost().WithPath($"/integration/v1/cases/{PlatinaCase}/documents"))
            .RespondWith(Json(201, """{"id":"PL-DOC-88301","lopnummer":1}"""));
        // Lower numbers win in WireMock.Net: the decision's page (priority 1) replaces this empty one once given.
        _hub.Platina.Given(Request.Create().UsingGet().WithPath("/integration/v1/events")).AtPriority(10)
            .RespondWith(Json(200, """{"events":[]}"""));
    }

    private void PlatinaEvents(Guid caseId)
    {
        var events = $$$"""
            {"events":[{"cursor":"000002001","id":"ev-2001","type":"decided","occurredAt":"2026-04-22T16:45:00+02:00",
              "case":{"id":"{{{PlatinaCase}}}","diarienummer":"BN 2026/46","title":"Ansökan om anslutning till kommunalt vatten och avlopp, Exempelby 3:14",
                      "caseType":"VA-ärende","status":"Beslutat","unit":{"id":"bmf-kansli","name":"Bygg- och miljöförvaltningens kansli"},"externalId":"{{{caseId}}}"},
              "decision":{"outcome":"Bifall","decidedAt":"2026-04-22T16:45:00+02:00","body":{"id":"BMN","name":"Bygg- och miljönämnden"},"paragraph":"§ 88",
                          "summary":"Nämnden beviljar anslutning till det kommunala vatten- och avloppsnätet."}}]}
            """;
        _hub.Platina.Given(Request.Create().UsingGet().WithPath("/integration/v1/events")).AtPriority(1)
            .RespondWith(Json(200, events));
    }

    private static WireMock.ResponseMessage JsonMessage(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new(status >= 400 ? "application/problem+json" : "application/json") },
        BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String, Encoding = Encoding.UTF8 },
    };

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json").WithBody(body);

    private List<WireMock.Logging.ILogEntry> PlatinaRequests(string method, string path) =>
        [.. _hub.Platina.LogEntries.Where(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path)];
}
