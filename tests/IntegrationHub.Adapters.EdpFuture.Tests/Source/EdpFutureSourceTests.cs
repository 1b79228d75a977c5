using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Client;
using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Source;

/// <summary>The source's change detection against the checkpoint: what becomes an event, once, in order.</summary>
public sealed class EdpFutureSourceTests : IDisposable
{
    private static readonly CancellationToken Token = CancellationToken.None;

    private readonly SourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TheFirstPoll_OpensEveryErrand_AndGivesOneEventPerActivity_OldestFirst()
    {
        var batch = await _fixture.Source.ReceiveAsync(null, Token);

        Assert.Equal(
        [
            "future-errand-770460-opened",
            "future-errand-770455-opened",
            "future-errand-770455-activity",
            "future-errand-770455-activity",
            "future-errand-770412-opened",
            "future-errand-770412-activity",
            "future-errand-770455-activity",
        ], batch.Events.Select(e => e.Id.Length > 35 ? e.Id[..^13] : e.Id));
        Assert.False(batch.More);
        Assert.Equal(batch.Events.Select(e => e.Data.Event.OccurredAt).Order(), batch.Events.Select(e => e.Data.Event.OccurredAt));
        Assert.Equal(7, batch.Events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task AStatusChange_GivesOneEvent_WithTheRawFutureStatus_AndANewActivityOneEvent()
    {
        var first = await _fixture.Source.ReceiveAsync(null, Token);
        _fixture.Answer("GetErrandsForCustomer-later.xml");

        var later = await _fixture.Source.ReceiveAsync(first.Checkpoint, Token);

        Assert.Equal(3, later.Events.Count);
        var activity = later.Events[0];
        Assert.StartsWith("future-errand-770412-activity-", activity.Id, StringComparison.Ordinal);
        Assert.Equal("Entreprenören har tömt kärlet och lagt in en extra kontroll av turen.", activity.Data.Event.Headline);
        Assert.Equal("future-errand-770498-opened", later.Events[1].Id);
        var status = later.Events[2];
        Assert.StartsWith("future-errand-770412-status-", status.Id, StringComparison.Ordinal);
        Assert.Equal(CaseEventTypes.StatusChanged, status.Type);
        Assert.Equal("Under utredning", status.Data.Case.SourceStatus);
        Assert.Equal(CaseStatus.Open, status.Data.Case.Status);
        Assert.Equal("Ny status: Under utredning (tidigare Registrerat).", status.Data.Event.Description);

        var again = await _fixture.Source.ReceiveAsync(later.Checkpoint, Token);
        Assert.Empty(again.Events);
        Assert.Equal(later.Checkpoint, again.Checkpoint);
    }

    [Fact]
    public async Task AStatusThatMapsToClosed_ClosesTheCase_AndOneThatReopensIt_ReopensIt()
    {
        var first = await _fixture.Source.ReceiveAsync(null, Token);
        _fixture.Answer("GetErrandsForCustomer.xml", s => s.Replace("<b:_Status>Registrerat</b:_Status>", "<b:_Status>Avslutat</b:_Status>", StringComparison.Ordinal));
        var closed = Assert.Single((await _fixture.Source.ReceiveAsync(first.Checkpoint, Token)).Events, e => e.Subject == "edp-future/770412");
        Assert.Equal(CaseEventTypes.Closed, closed.Type);
        Assert.Equal(CaseStatus.Closed, closed.Data.Case.Status);
        Assert.Equal("Ditt ärende är avslutat", closed.Data.Event.Headline);
    }

    [Fact]
    public async Task TheSameCheckpoint_GivesTheSameEventIdsAndCheckpoint_SoARestartDuplicatesNothing()
    {
        var first = await _fixture.Source.ReceiveAsync(null, Token);
        _fixture.Answer("GetErrandsForCustomer-later.xml");

        var once = await _fixture.Source.ReceiveAsync(first.Checkpoint, Token);
        _fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var twice = await _fixture.Source.ReceiveAsync(first.Checkpoint, Token);

        Assert.Equal(once.Events.Select(e => e.Id), twice.Events.Select(e => e.Id));
        Assert.Equal(once.Checkpoint, twice.Checkpoint);
    }

    [Fact]
    public async Task AReturnToAnEarlierStatus_IsANewEvent_NotADuplicateOfTheFirstChange()
    {
        var start = (await _fixture.Source.ReceiveAsync(null, Token)).Checkpoint;
        _fixture.Answer("GetErrandsForCustomer.xml", s => s.Replace("<b:_Status>Registrerat</b:_Status>", "<b:_Status>Vilande</b:_Status>", StringComparison.Ordinal));
        var away = await _fixture.Source.ReceiveAsync(start, Token);
        _fixture.Answer("GetErrandsForCustomer.xml");
        var back = await _fixture.Source.ReceiveAsync(away.Checkpoint, Token);
        _fixture.Answer("GetErrandsForCustomer.xml", s => s.Replace("<b:_Status>Registrerat</b:_Status>", "<b:_Status>Vilande</b:_Status>", StringComparison.Ordinal));
        var awayAgain = await _fixture.Source.ReceiveAsync(back.Checkpoint, Token);

        var ids = new[] { away, back, awayAgain }.Select(b => Assert.Single(b.Events).Id).ToList();
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task BatchSize_LimitsEachBatch_WithMore_AndTheCheckpointCoversOnlyWhatWasReturned()
    {
        using var paged = new SourceFixture(o => o.BatchSize = 3);
        var all = await _fixture.Source.ReceiveAsync(null, Token);

        var ids = new List<string>();
        string? checkpoint = null;
        var batches = new List<SourceBatch>();
        do
        {
            var batch = await paged.Source.ReceiveAsync(checkpoint, Token);
            batches.Add(batch);
            ids.AddRange(batch.Events.Select(e => e.Id));
            checkpoint = batch.Checkpoint;
        }
        while (batches[^1].More);

        Assert.Equal([3, 3, 1], batches.Select(b => b.Events.Count));
        Assert.Equal([true, true, false], batches.Select(b => b.More));
        Assert.Equal(all.Events.Select(e => e.Id), ids);
        Assert.Empty((await paged.Source.ReceiveAsync(checkpoint, Token)).Events);
    }

    [Fact]
    public async Task FutureDown_ThrowsSourceUnavailable_NamingTheSetting_AndWrappingTheTypedError()
    {
        _fixture.Down(503);

        var e = await Assert.ThrowsAsync<SourceUnavailableException>(() => _fixture.Source.ReceiveAsync(null, Token));

        Assert.IsType<EdpFutureHttpException>(e.InnerException);
        Assert.StartsWith("edp-future/sundsvall: the errands of Adapters:EdpFuture:sundsvall:CustomerIds:0 could not be read.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("100245", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailureForOneOfSeveralCustomers_FailsThePoll_RatherThanReturningAPartialBatch()
    {
        using var two = new SourceFixture(o => o.CustomerIds = [100245, 100311]);
        two.FailingCustomer = 100311;

        var e = await Assert.ThrowsAsync<SourceUnavailableException>(() => two.Source.ReceiveAsync(null, Token));

        Assert.IsType<EdpFutureOperationException>(e.InnerException);
        Assert.Contains("CustomerIds:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_HasNothingToTellFuture()
    {
        var batch = await _fixture.Source.ReceiveAsync(null, Token);
        var calls = _fixture.Future.Server.LogEntries.Count;

        await _fixture.Source.AcknowledgeAsync(batch, Token);

        Assert.Equal(calls, _fixture.Future.Server.LogEntries.Count);
    }

    [Fact]
    public void TheSourceName_IsEdpFutureSlashInstance() => Assert.Equal("edp-future/sundsvall", _fixture.Source.Name);
}
