using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Inbound;
using IntegrationHub.Adapters.Platina.Tests.Support;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Tests.Inbound;

/// <summary>The sample events page (samples/platina/events-page.json) mapped to canonical events.</summary>
public sealed class PlatinaSourceSampleTests : IDisposable
{
    private readonly PlatinaSimulator _platina = new();
    private readonly InMemoryHub _hub = new();
    private readonly CancellationToken _token = CancellationToken.None;

    public PlatinaSourceSampleTests() => _platina.LoadSamples();

    private PlatinaSource Source(PlatinaOptions? options = null)
    {
        options ??= TestOptions.For(_platina);
        return new PlatinaSource(TestOptions.Instance, options, TestOptions.Client(options), _hub);
    }

    private async Task<IReadOnlyList<CaseEvent>> ReadAllAsync() => (await Source().ReceiveAsync(null, _token)).Events;

    private async Task<CaseEvent> EventAsync(string platinaId) => (await ReadAllAsync()).Single(e => e.Id == $"platina-{platinaId}");

    [Fact]
    public async Task TheSamplePage_GivesOneValidEventPerMappedPlatinaEvent()
    {
        var batch = await Source().ReceiveAsync(null, _token);

        Assert.Equal(
            ["platina-ev-1031", "platina-ev-1032", "platina-ev-1040", "platina-ev-1057", "platina-ev-1063", "platina-ev-1070", "platina-ev-1090"],
            batch.Events.Select(e => e.Id));
        Assert.All(batch.Events, SchemaAssert.Valid);
        Assert.All(batch.Events, e => Assert.Equal("urn:integrationhub:platina:2281", e.Source));
        Assert.All(batch.Events, e => Assert.Equal("platina", e.Data.Case.SourceSystem));
        Assert.Equal("000001090", batch.Checkpoint);
        Assert.False(batch.More);
        Assert.Equal("platina/sundsvall", Source().Name);
    }

    [Fact]
    public async Task ARegistration_OpensTheCaseWithItsDiarienummerParsed()
    {
        var opened = await EventAsync("ev-1031");

        Assert.Equal(CaseEventTypes.Opened, opened.Type);
        Assert.Equal("platina/PL-2026-000045", opened.Subject);
        Assert.Equal("PL-2026-000045", opened.Data.Case.SourceCaseId);
        Assert.Equal(new Diarienummer("BN 2026/45", "BN", 2026, 45), opened.Data.Case.Diarienummer);
        Assert.Equal("bygglov", opened.Data.Case.CaseType);
        Assert.Equal(new OrganisationRef("bmf-bygglov", "Bygglovsenheten"), opened.Data.Case.Unit);
        Assert.Equal(CaseStatus.Open, opened.Data.Case.Status);
        Assert.Null(opened.Data.Case.HubCaseId);
        Assert.True(opened.Data.Event.IsDiaryEvent);
        Assert.Equal(DataClassification.Internal, opened.DataClassification);
    }

    [Fact]
    public async Task AnAddedDocument_HasItsFilesInTheContentStore_VerifiedByTheirSha256()
    {
        var registered = await EventAsync("ev-1032");

        Assert.Equal(CaseEventTypes.DocumentRegistered, registered.Type);
        var document = registered.Data.Document!;
        Assert.Equal(DocumentDirection.Incoming, document.Direction);
        Assert.Equal("PL-DOC-88120", document.DocumentId);
        Assert.Equal(1, document.RunningNumber);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(1)), document.Date);
        Assert.Equal(["ansokan-bygglov.pdf", "situationsplan.pdf"], document.Attachments!.Select(a => a.Name));
        Assert.All(document.Attachments!, a =>
        {
            Assert.Equal(a.Size, _hub.Contents[a.Sha256].Content.Length);
            Assert.Equal($"/api/v1/contents/{a.Sha256}", a.Reference);
            Assert.Equal("application/pdf", a.MediaType);
        });
        Assert.Equal("0888224c42879ea46b9eb9623f4216292d406966ad2e5bbc80206f426ce82a3c", document.Attachments![0].Sha256);
    }

    [Fact]
    public async Task ADecision_BecomesADecidedEventWithTheNämndsDecisionAndTheProtokollsutdrag()
    {
        var decided = await EventAsync("ev-1057");

        Assert.Equal(CaseEventTypes.Decided, decided.Type);
        var decision = decided.Data.Decision!;
        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 16, 30, 0, TimeSpan.FromHours(2)), decision.DecidedAt);
        Assert.Equal(new OrganisationRef("BMN", "Bygg- och miljönämnden"), decision.DecidedBy);
        Assert.Equal("§ 87", decision.Paragraph);
        Assert.Equal("Bygg- och miljönämnden har fattat beslut i ärendet", decided.Data.Event.Headline);
        Assert.Equal(CustomerEventCategory.Decision, decided.Data.Event.Category);
        Assert.Equal(DocumentDirection.Sent, decided.Data.Document!.Direction);
        Assert.Equal(4, decided.Data.Document.RunningNumber);
        Assert.Single(decided.Data.Document.Attachments!);
    }

    [Fact]
    public async Task ACaseTheHubSent_CarriesTheHubCaseIdFromItsExternalId()
    {
        var decided = await EventAsync("ev-1090");

        Assert.Equal(Guid.Parse("680c0ed8-2270-4b4f-87e5-6ddbd498ad84"), decided.Data.Case.HubCaseId);
        Assert.Equal(new Diarienummer("KS-2026/0412", "KS", 2026, 412), decided.Data.Case.Diarienummer);
        Assert.Equal("medborgarforslag", decided.Data.Case.CaseType);
        Assert.Equal(DecisionOutcome.PartiallyApproved, decided.Data.Decision!.Outcome);
        Assert.Equal("KF", decided.Data.Decision.DecidedBy!.Id);
    }

    [Fact]
    public async Task ADocumentTheHubSent_AndUnmappedEventTypes_GiveNoEvent()
    {
        var ids = (await ReadAllAsync()).Select(e => e.Id).ToList();

        Assert.DoesNotContain("platina-ev-1071", ids);
        Assert.DoesNotContain("platina-ev-1085", ids);
    }

    [Fact]
    public async Task AStatusChange_KeepsPlatinasStatusName_AndClosingMapsToStängt()
    {
        var changed = await EventAsync("ev-1040");
        var closed = await EventAsync("ev-1063");

        Assert.Equal(CaseEventTypes.StatusChanged, changed.Type);
        Assert.Equal("Till nämnd", changed.Data.Case.SourceStatus);
        Assert.Equal(CaseStatus.Open, changed.Data.Case.Status);
        Assert.False(changed.Data.Event.IsDiaryEvent);
        Assert.Equal(CaseEventTypes.Closed, closed.Type);
        Assert.Equal(CaseStatus.Closed, closed.Data.Case.Status);
    }

    [Fact]
    public async Task ConfiguredMappings_OverrideTheDefaults()
    {
        var options = TestOptions.For(_platina);
        options.Mapping.DecisionOutcomes["Bifall"] = "partially-approved";
        options.Mapping.EventTypes["closed"] = "";
        options.Mapping.Statuses["Till nämnd"] = "Vilande";

        var events = (await Source(options).ReceiveAsync(null, _token)).Events;

        Assert.Equal(DecisionOutcome.PartiallyApproved, events.Single(e => e.Id == "platina-ev-1057").Data.Decision!.Outcome);
        Assert.DoesNotContain(events, e => e.Id == "platina-ev-1063");
        Assert.Equal(CaseStatus.Dormant, events.Single(e => e.Id == "platina-ev-1040").Data.Case.Status);
    }

    [Fact]
    public async Task AFileWhoseSha256DiffersFromTheDeclared_FailsTheWholeBatch()
    {
        _platina.Files["88122"] = [1, 2, 3];

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => Source().ReceiveAsync(null, _token));

        Assert.Contains("File 88122 of Platina event ev-1032", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFile_FailsTheWholeBatch()
    {
        _platina.Files.Remove("88250");

        await Assert.ThrowsAsync<SourceUnavailableException>(() => Source().ReceiveAsync(null, _token));
    }

    [Fact]
    public async Task ReadingTwice_GivesTheSameEvents()
    {
        var first = await ReadAllAsync();
        var second = await ReadAllAsync();

        Assert.Equal(first.Select(e => (e.Id, e.Time)), second.Select(e => (e.Id, e.Time)));
    }

    public void Dispose() => _platina.Dispose();
}
