using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Outbound;
using IntegrationHub.Adapters.Platina.Tests.Support;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.Platina.Tests.Outbound;

/// <summary>The committee flow: a Future errand that goes to the nämnd becomes a Platina case with its documents.</summary>
public sealed class PlatinaCaseSinkTests : IDisposable
{
    private readonly PlatinaSimulator _platina = new();
    private readonly InMemoryHub _hub = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 8, 12, 5, 0, TimeSpan.Zero));
    private readonly CancellationToken _token = CancellationToken.None;

    private PlatinaCaseSink Sink(PlatinaOptions? options = null)
    {
        options ??= TestOptions.For(_platina, TestOptions.CommitteeRule());
        return new PlatinaCaseSink(TestOptions.Instance, options, TestOptions.Client(options), _hub, _hub, _hub, _time);
    }

    [Fact]
    public async Task AnErrandGoingToTheCommittee_BecomesAPlatinaCaseWithEveryDocument_AndTheHubLearnsTheDiarienummer()
    {
        var snapshot = await CommitteeCase.StoreAsync(_hub);

        var result = await Sink().HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Done, result.Outcome);
        var platinaCase = Assert.Single(_platina.Cases);
        Assert.Equal(CommitteeCase.CaseId.ToString(), platinaCase.ExternalId);
        Assert.Equal("VA-ärende", platinaCase.CaseType);
        Assert.Equal("bmf-kansli", (string?)platinaCase.Body["unit"]);
        Assert.Equal(CommitteeCase.Title, (string?)platinaCase.Body["title"]);
        Assert.Equal("confidential", (string?)platinaCase.Body["classification"]);
        Assert.Equal("edp-future", (string?)platinaCase.Body["sourceIds"]![0]!["system"]);
        Assert.Equal(CommitteeCase.ApplicantName, (string?)platinaCase.Body["parties"]![0]!["name"]);
        // Skyddad identitet: only the role and the flag reach Platina.
        Assert.Null(platinaCase.Body["parties"]![1]!["name"]);
        Assert.True((bool?)platinaCase.Body["parties"]![1]!["protectedIdentity"]);

        Assert.Equal(["edp-errand-4711-activity-1", snapshot.Documents[1].Attachments![0].Sha256], platinaCase.Documents.Select(d => d.ExternalId));
        var application = platinaCase.Documents[0].Body;
        Assert.Equal("inkommen", (string?)application["direction"]);
        Assert.Equal(_hub.Contents[snapshot.Documents[0].Attachments![0].Sha256].Content.ToArray(), Convert.FromBase64String((string)application["files"]![0]!["content"]!));
        Assert.Equal("upprattad", (string?)platinaCase.Documents[1].Body["direction"]);

        var link = Assert.Single(_hub.Submitted);
        SchemaAssert.Valid(link);
        Assert.Equal($"platina-linked-{platinaCase.Id}", link.Id);
        Assert.Equal("urn:integrationhub:platina:2281", link.Source);
        Assert.Equal(CaseEventTypes.StatusChanged, link.Type);
        Assert.Equal(CommitteeCase.CaseId, link.Data.Case.HubCaseId);
        Assert.Equal("platina", link.Data.Case.SourceSystem);
        Assert.Equal(platinaCase.Id, link.Data.Case.SourceCaseId);
        Assert.Equal(new Diarienummer("BN 2026/46", "BN", 2026, 46), link.Data.Case.Diarienummer);
        Assert.Equal("Ärendet har registrerats i Platina för nämndbehandling", link.Data.Event.Headline);
        Assert.Equal(_time.GetUtcNow(), link.Time);
        Assert.DoesNotContain(CommitteeCase.ApplicantName, result.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameEventDeliveredAgain_CreatesNoSecondCaseAndNoDuplicateDocument()
    {
        await CommitteeCase.StoreAsync(_hub);
        var sink = Sink();

        var first = await sink.HandleAsync(CommitteeCase.Event(), _token);
        var second = await sink.HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Done, first.Outcome);
        Assert.Equal(SinkOutcome.Done, second.Outcome);
        Assert.Single(_platina.Cases);
        Assert.Equal(2, _platina.Cases[0].Documents.Count);
        Assert.Single(_platina.Requests, r => r == "POST /cases");
        Assert.Equal(2, _platina.Requests.Count(r => r.EndsWith("/documents", StringComparison.Ordinal) && r.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Single(_hub.Submitted);
    }

    [Fact]
    public async Task ACrashHalfwayThroughTheDocuments_IsRepairedByTheRedelivery_WithoutDuplicates()
    {
        await CommitteeCase.StoreAsync(_hub);
        _platina.DocumentsBeforeFailure = 1;
        var sink = Sink();

        var failed = await sink.HandleAsync(CommitteeCase.Event(), _token);
        Assert.Equal(SinkOutcome.Transient, failed.Outcome);
        Assert.Single(_platina.Cases[0].Documents);
        Assert.Empty(_hub.Submitted);

        _platina.DocumentsBeforeFailure = null;
        var repaired = await sink.HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Done, repaired.Outcome);
        Assert.Single(_platina.Cases);
        Assert.Equal(2, _platina.Cases[0].Documents.Select(d => d.ExternalId).Distinct().Count());
        Assert.Equal(2, _platina.Cases[0].Documents.Count);
        Assert.Single(_hub.Submitted);
    }

    [Fact]
    public async Task ACaseCreatedWhoseAnswerWasLost_IsFoundThroughThe409()
    {
        await CommitteeCase.StoreAsync(_hub);
        _platina.LoseNextCreateAnswer = true;
        _platina.HideCasesFromLookup = true;

        var result = await Sink().HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Done, result.Outcome);
        Assert.Single(_platina.Cases);
        Assert.Equal(2, _platina.Requests.Count(r => r == "POST /cases"));
        Assert.Equal(_platina.Cases[0].Id, _hub.Submitted.Single().Data.Case.SourceCaseId);
    }

    [Fact]
    public async Task PlatinaUnavailable_IsTransientWithItsRetryAfter_ThenDoneWithTheCaseCreatedOnce()
    {
        await CommitteeCase.StoreAsync(_hub);
        _platina.Down = true;
        _platina.RetryAfterSeconds = 120;
        var sink = Sink();

        var unavailable = await sink.HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Transient, unavailable.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), unavailable.RetryAfter);
        Assert.Contains("Platina is unavailable (503)", unavailable.Detail, StringComparison.Ordinal);
        Assert.Empty(_platina.Cases);

        _platina.Down = false;
        var done = await sink.HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Done, done.Outcome);
        Assert.Single(_platina.Cases);
        Assert.Single(_hub.Submitted);
    }

    [Fact]
    public async Task ACaseTypePlatinaDoesNotKnow_IsPermanent_AndSaysWhichWithoutPersonalData()
    {
        await CommitteeCase.StoreAsync(_hub);
        _platina.KnownCaseTypes = ["Bygglov"];

        var result = await Sink().HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Permanent, result.Outcome);
        Assert.Contains("Case type 'VA-ärende' unknown in Platina (422)", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(CommitteeCase.ApplicantName, result.Detail!, StringComparison.Ordinal);
        Assert.DoesNotContain(CommitteeCase.Title, result.Detail!, StringComparison.Ordinal);
        Assert.Empty(_hub.Submitted);
    }

    [Fact]
    public async Task ARefusedApiKey_IsPermanent()
    {
        await CommitteeCase.StoreAsync(_hub);
        var options = TestOptions.For(_platina, TestOptions.CommitteeRule());
        options.ApiKey = "wrong";

        var result = await Sink(options).HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Permanent, result.Outcome);
        Assert.StartsWith("Platina refused the API key (401)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRulesPlatinaCaseType_OverridesTheMapping()
    {
        await CommitteeCase.StoreAsync(_hub);
        var rule = TestOptions.CommitteeRule();
        rule.PlatinaCaseType = "VA - servisanslutning";

        await Sink(TestOptions.For(_platina, rule)).HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal("VA - servisanslutning", Assert.Single(_platina.Cases).CaseType);
    }

    [Theory]
    [InlineData("Under handläggning", "edp-future")]
    [InlineData("Till nämnd", "open-eplatform")]
    public async Task AnEventNoRuleMatches_IsSkippedWithoutCallingPlatina(string sourceStatus, string sourceSystem)
    {
        await CommitteeCase.StoreAsync(_hub);

        var result = await Sink().HandleAsync(CommitteeCase.Event(sourceStatus, sourceSystem: sourceSystem), _token);

        Assert.Equal(SinkOutcome.Skipped, result.Outcome);
        Assert.Empty(_platina.Requests);
    }

    [Fact]
    public async Task PlatinasOwnEvents_AreNeverSentBack()
    {
        var result = await Sink().HandleAsync(CommitteeCase.Event(sourceSystem: "platina"), _token);

        Assert.Equal(SinkOutcome.Skipped, result.Outcome);
        Assert.Empty(_platina.Requests);
    }

    [Fact]
    public async Task ANewDocumentOnACaseAlreadyInPlatina_IsAddedToThePlatinaCaseOnce()
    {
        await CommitteeCase.StoreAsync(_hub);
        var sink = Sink();
        await sink.HandleAsync(CommitteeCase.Event(), _token);
        var protocol = new Document
        {
            DocumentId = "edp-errand-4711-activity-9", Direction = DocumentDirection.Incoming, Title = "Komplettering: ny situationsplan",
            Date = new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(2)),
            Attachments = [await CommitteeCase.AttachmentAsync(_hub, "situationsplan-v2.pdf", "%PDF-1.4 ny situationsplan")],
        };
        var documentEvent = CommitteeCase.Event("Komplettering inkommen", CaseEventTypes.DocumentRegistered, protocol, id: "edp-future-4711-doc-9");

        var added = await sink.HandleAsync(documentEvent, _token);
        var again = await sink.HandleAsync(documentEvent, _token);

        Assert.Equal(SinkOutcome.Done, added.Outcome);
        Assert.Equal(SinkOutcome.Skipped, again.Outcome);
        Assert.Equal(["edp-errand-4711-activity-1", "edp-errand-4711-activity-9"], _platina.Cases[0].Documents.Select(d => d.ExternalId).Where(id => id.StartsWith("edp", StringComparison.Ordinal)));
        Assert.Equal(3, _platina.Cases[0].Documents.Count);
    }

    [Fact]
    public async Task ADocumentOnACaseNeverSent_IsSkipped()
    {
        await CommitteeCase.StoreAsync(_hub);
        var document = new Document { DocumentId = "edp-1", Direction = DocumentDirection.Incoming, Title = "Skrivelse", Date = DateTimeOffset.Parse("2026-04-10T09:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture) };

        var result = await Sink().HandleAsync(CommitteeCase.Event("Under handläggning", CaseEventTypes.DocumentRegistered, document), _token);

        Assert.Equal(SinkOutcome.Skipped, result.Outcome);
        Assert.Empty(_platina.Cases);
    }

    [Fact]
    public async Task AFileMissingFromTheContentStore_IsPermanent()
    {
        var snapshot = await CommitteeCase.StoreAsync(_hub);
        _hub.Contents.TryRemove(snapshot.Documents[1].Attachments![0].Sha256, out _);

        var result = await Sink().HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Permanent, result.Outcome);
        Assert.Contains("not in the hub's content store", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseTheHubCannotDescribeYet_IsTransient()
    {
        var result = await Sink().HandleAsync(CommitteeCase.Event(), _token);

        Assert.Equal(SinkOutcome.Transient, result.Outcome);
        Assert.Empty(_platina.Requests);
    }

    [Fact]
    public void TheFilter_AsksForTheMunicipalitysEventsOfTheRulesTypes()
    {
        var rule = TestOptions.CommitteeRule();
        rule.EventTypes = [CaseEventTypes.StatusChanged];

        var sink = Sink(TestOptions.For(_platina, rule));

        Assert.Equal("platina-cases/sundsvall", sink.Name);
        Assert.Equal("2281", sink.Filter.Municipality);
        Assert.Empty(sink.Filter.Sources);
        Assert.Equal([CaseEventTypes.DocumentRegistered, CaseEventTypes.StatusChanged], sink.Filter.EventTypes);
        Assert.Empty(Sink().Filter.EventTypes);
    }

    public void Dispose() => _platina.Dispose();
}
