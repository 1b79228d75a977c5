using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Outbound;
using IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Outbound;

/// <summary>Back to the citizen: hub events on a case from Open ePlatform become callback calls on its flow instance.</summary>
public sealed class CallbackSinkTests : IDisposable
{
    private const string FlowInstance = "48213";
    private readonly OpenEPlatformSimulator _platform = new();
    private readonly InMemoryHub _hub = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _token = CancellationToken.None;

    public CallbackSinkTests() => _platform.LoadSamples();

    private CallbackSink Sink(Action<OpenEPlatformOptions>? configure = null)
    {
        var options = TestOptions.For(_platform);
        configure?.Invoke(options);
        return new CallbackSink(TestOptions.Instance, options, TestOptions.Connection(options).Callback, _hub, _hub, _time);
    }

    private static CaseEvent Event(string type, string source = "urn:integrationhub:platina:2281", string system = "platina", string caseId = "PL-2026-000412",
        DataClassification classification = DataClassification.Internal, string? sourceStatus = null) => new()
    {
        Id = $"{system}-{caseId}-{type}",
        Source = source,
        Type = CaseEventTypes.Prefix + type,
        Time = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(1)),
        Municipality = "2281",
        DataClassification = classification,
        Data = new CaseEventData
        {
            Case = new CaseRef { SourceSystem = system, SourceCaseId = caseId, SourceStatus = sourceStatus },
            Event = new EventDetails
            {
                Headline = "Beslut i ditt ärende om bygglov",
                Description = "Stadsbyggnadsnämnden har beviljat bygglov. Beslutet finns under Mina sidor.",
                OccurredAt = new DateTimeOffset(2026, 3, 20, 9, 30, 0, TimeSpan.FromHours(1)),
                IsDiaryEvent = true,
            },
            Decision = type == "decided" ? new Decision { Outcome = DecisionOutcome.Approved, DecidedAt = new DateTimeOffset(2026, 3, 19, 18, 0, 0, TimeSpan.FromHours(1)) } : null,
        },
    };

    private static CaseEvent Opened() =>
        Event("opened", "urn:integrationhub:open-eplatform:2281", "open-eplatform", FlowInstance, DataClassification.Confidential) with { Id = "oep-48213-submitted" };

    private static SinkEvent Delivered(CaseEvent e, Guid caseId, string? diarienummer = "SBN 2026/1187") => new(7, e, caseId, diarienummer, null);

    private XElementView[] Calls => [.. _platform.Calls.Select(c => new XElementView(c))];

    [Fact]
    public async Task TheSubmissionStoredAndRegistered_ConfirmsDeliveryWithTheHubCaseIdAndSetsTheMappedStatus()
    {
        var caseId = Guid.NewGuid();

        var result = await Sink().HandleAsync(Delivered(Opened(), caseId), _token);

        Assert.Equal(SinkOutcome.Done, result.Outcome);
        var calls = Calls;
        Assert.Equal(["confirmDelivery", "setStatus"], calls.Select(c => c.Operation));
        Assert.Equal(FlowInstance, calls[0]["flowInstanceID"]);
        Assert.Equal(caseId.ToString("D"), calls[0]["externalID/ID"]);
        Assert.Equal("IntegrationHub", calls[0]["externalID/System"]);
        Assert.Equal("true", calls[0]["delivered"]);
        Assert.Equal("Registrerat i IntegrationHub med diarienummer SBN 2026/1187.", calls[0]["logMessage"]);
        Assert.Equal("Under behandling", calls[1]["statusAlias"]);
    }

    [Fact]
    public async Task ADecisionInAnotherSystem_SetsTheMappedStatusAndTellsTheCitizen()
    {
        var caseId = _hub.AddCase(FlowInstance, new SourceCaseRef("platina", "PL-2026-000412"));

        var result = await Sink(o => o.StatusMapping["decided"] = "Klart").HandleAsync(Delivered(Event("decided"), caseId), _token);

        Assert.Equal(SinkOutcome.Done, result.Outcome);
        var calls = Calls;
        Assert.Equal(["setStatus", "addMessage"], calls.Select(c => c.Operation));
        Assert.Equal("Klart", calls[0]["statusAlias"]);
        Assert.Equal(FlowInstance, calls[1]["flowInstanceID"]);
        Assert.Equal("Beslut i ditt ärende om bygglov\n\nStadsbyggnadsnämnden har beviljat bygglov. Beslutet finns under Mina sidor.", calls[1]["message/message"]);
        Assert.Equal("IntegrationHub", calls[1]["message/userID"]);
        Assert.Equal("false", calls[1]["message/readReceiptEnabled"]);
        Assert.Contains("Flow instance 48213", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusOfAnotherSystem_MapsByTypeAndSourceStatus()
    {
        var caseId = _hub.AddCase(FlowInstance);

        await Sink(o => o.StatusMapping["status-changed/Under handläggning"] = "Under behandling")
            .HandleAsync(Delivered(Event("status-changed", sourceStatus: "Under handläggning"), caseId), _token);
        var unmapped = await Sink().HandleAsync(Delivered(Event("status-changed", sourceStatus: "Registrerat") with { Id = "other" }, caseId), _token);

        Assert.Equal(["setStatus"], Calls.Select(c => c.Operation));
        Assert.Equal("Under behandling", Calls[0]["statusAlias"]);
        Assert.Equal(SinkOutcome.Skipped, unmapped.Outcome);
    }

    [Fact]
    public async Task TheSameEventDeliveredAgain_MakesNoCallTwice()
    {
        var caseId = _hub.AddCase(FlowInstance);
        var sink = Sink();

        var first = await sink.HandleAsync(Delivered(Event("closed"), caseId), _token);
        var second = await sink.HandleAsync(Delivered(Event("closed"), caseId), _token);

        Assert.Equal(SinkOutcome.Done, first.Outcome);
        Assert.Equal(SinkOutcome.Done, second.Outcome);
        Assert.Equal(["setStatus", "addMessage"], Calls.Select(c => c.Operation));
        Assert.Contains("already done", second.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestrictedEvent_SetsTheStatusButSendsNoMessage()
    {
        var caseId = _hub.AddCase(FlowInstance);

        var result = await Sink().HandleAsync(Delivered(Event("closed", classification: DataClassification.Restricted), caseId), _token);

        Assert.Equal(SinkOutcome.Done, result.Outcome);
        Assert.Equal(["setStatus"], Calls.Select(c => c.Operation));
        Assert.Contains("no message (restricted event)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlatformAnswering503_IsTransient_AndTheRetryLaterSucceeds()
    {
        var caseId = _hub.AddCase(FlowInstance);
        var sink = Sink(o => o.Resilience.MaxRetries = 0);
        _platform.Down = true;

        var failed = await sink.HandleAsync(Delivered(Event("paused"), caseId), _token);
        _platform.Down = false;
        var retried = await sink.HandleAsync(Delivered(Event("paused"), caseId), _token);

        Assert.Equal(SinkOutcome.Transient, failed.Outcome);
        Assert.Contains("unavailable (503)", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(SinkOutcome.Done, retried.Outcome);
        Assert.Equal(["setStatus", "addMessage"], Calls.Select(c => c.Operation));
        Assert.Equal("Väntar på komplettering", Calls[0]["statusAlias"]);
    }

    [Fact]
    public async Task ASoapFault_IsPermanentWithAnExplanationAndNoPersonalData()
    {
        var caseId = _hub.AddCase(FlowInstance);
        _platform.FaultNext = "AccessDenied";

        var denied = await Sink().HandleAsync(Delivered(Event("closed"), caseId), _token);
        var unknownStatus = await Sink(o => o.StatusMapping["reopened"] = "Återöppnat").HandleAsync(Delivered(Event("reopened"), caseId), _token);
        var gone = await Sink().HandleAsync(Delivered(Event("closed") with { Id = "x" }, _hub.AddCase("99999")), _token);

        Assert.Equal(SinkOutcome.Permanent, denied.Outcome);
        Assert.Contains("AccessDenied", denied.Detail, StringComparison.Ordinal);
        Assert.Contains("'integrationhub'", denied.Detail, StringComparison.Ordinal);
        Assert.Equal(SinkOutcome.Permanent, unknownStatus.Outcome);
        Assert.Contains("Adapters:OpenEPlatform:sundsvall:StatusMapping:reopened", unknownStatus.Detail, StringComparison.Ordinal);
        Assert.Equal(SinkOutcome.Permanent, gone.Outcome);
        Assert.Contains("FlowInstanceNotFound", gone.Detail, StringComparison.Ordinal);
        Assert.All(new[] { denied, unknownStatus, gone }, r => Assert.DoesNotContain("Tolvan", r.Detail, StringComparison.Ordinal));
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task ACaseThatDidNotComeFromOpenEPlatform_IsSkipped()
    {
        var snapshot = _hub.Snapshots[_hub.AddCase(FlowInstance)];
        var other = Guid.NewGuid();
        _hub.Snapshots[other] = snapshot with { CaseId = other, SourceIds = [new SourceCaseRef("platina", "PL-1")] };

        var result = await Sink().HandleAsync(Delivered(Event("closed"), other), _token);
        var elsewhere = await Sink().HandleAsync(Delivered(Event("closed") with { Municipality = "2262" }, other), _token);

        Assert.Equal(SinkOutcome.Skipped, result.Outcome);
        Assert.Equal(SinkOutcome.Skipped, elsewhere.Outcome);
        Assert.Empty(_platform.Requests);
    }

    [Fact]
    public void TheSink_IsNamedPerInstance_AndAsksForTheEventsItActsOn()
    {
        var sink = Sink();

        Assert.Equal("open-eplatform-callback/sundsvall", sink.Name);
        Assert.Equal("2281", sink.Filter.Municipality);
        Assert.Empty(sink.Filter.Sources);
        Assert.Equal(
            ["se.sambruk.case.closed", "se.sambruk.case.decided", "se.sambruk.case.opened", "se.sambruk.case.paused", "se.sambruk.case.reopened", "se.sambruk.case.resumed"],
            sink.Filter.EventTypes);
    }

    public void Dispose() => _platform.Dispose();
}
