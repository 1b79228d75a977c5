using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Tests.Support;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IHubStore"/> must have. A provider's test class derives from this
/// and only says how to make a fresh database; each test gets its own, migrated and empty.
/// </summary>
public abstract class HubStoreContract : StoreContractBase
{
    // ---------------------------------------------------------------- 1. append

    [Fact]
    public async Task Append_NewEvents_GetStrictlyIncreasingSequences()
    {
        var first = await AppendCommittedAsync(new CaseEventBuilder().Build());
        AppendResult second, third;
        await using (var session = await Store.BeginAsync(Ct))
        {
            second = await session.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);
            third = await session.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.False(first.IsDuplicate || second.IsDuplicate || third.IsDuplicate);
        Assert.True(first.Sequence < second.Sequence, "second after first");
        Assert.True(second.Sequence < third.Sequence, "third after second");
    }

    [Fact]
    public async Task LastSequence_IsZeroWhenEmptyAndTheHighestCommittedSequenceAfterwards()
    {
        Assert.Equal(0, await Store.GetLastSequenceAsync(Ct));
        await AppendCommittedAsync(new CaseEventBuilder().Build());
        var last = await AppendCommittedAsync(new CaseEventBuilder().Build());
        await using (var uncommitted = await Store.BeginAsync(Ct))
        {
            await uncommitted.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);
        }

        Assert.Equal(last.Sequence, await Store.GetLastSequenceAsync(Ct));
    }

    [Fact]
    public async Task Append_SameSourceAndIdTwice_StoresOnceAndReportsDuplicate()
    {
        var original = new CaseEventBuilder().Build();
        var first = await AppendCommittedAsync(original);
        var changedRepeat = original with { Data = original.Data with { Event = original.Data.Event with { Headline = "Ändrad rubrik" } } };

        var repeat = await AppendCommittedAsync(changedRepeat);
        AppendResult repeatInSameSession;
        await using (var session = await Store.BeginAsync(Ct))
        {
            repeatInSameSession = await session.AppendAsync(original, TestData.ReceivedAt, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(new AppendResult(first.Sequence, true), repeat);
        Assert.Equal(new AppendResult(first.Sequence, true), repeatInSameSession);
        var feed = await Store.ReadFeedAsync(0, 100, null, Ct);
        AssertSameEvent(original, Assert.Single(feed).Event);
    }

    [Fact]
    public async Task Append_SameIdFromAnotherSource_IsAnotherEvent()
    {
        var fromFuture = new CaseEventBuilder().WithId("4711").Build();
        var fromPlatina = new CaseEventBuilder().WithId("4711").FromSource("urn:se:sundsvall:platina").Build();

        var first = await AppendCommittedAsync(fromFuture);
        var second = await AppendCommittedAsync(fromPlatina);

        Assert.False(second.IsDuplicate);
        Assert.NotEqual(first.Sequence, second.Sequence);
    }

    [Fact]
    public async Task Append_SameEventFromParallelSessions_ExactlyOneStoresIt()
    {
        var caseEvent = new CaseEventBuilder().Build();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => AppendCommittedAsync(caseEvent), Ct)));

        Assert.Single(results, result => !result.IsDuplicate);
        Assert.All(results, result => Assert.Equal(results[0].Sequence, result.Sequence));
        Assert.Single(await Store.ReadFeedAsync(0, 100, null, Ct));
    }

    [Fact]
    public async Task Append_SameEventWhileFirstSessionIsUncommitted_SecondWaitsThenReportsDuplicate()
    {
        var caseEvent = new CaseEventBuilder().Build();
        AppendResult first;
        Task<AppendResult> second;
        await using (var firstSession = await Store.BeginAsync(Ct))
        {
            first = await firstSession.AppendAsync(caseEvent, TestData.ReceivedAt, Ct);
            second = Task.Run(() => AppendCommittedAsync(caseEvent), Ct);
            await Database.WaitUntilAWriterWaitsAsync(Ct);
            Assert.False(second.IsCompleted, "the second appender must wait for the first transaction");
            await firstSession.CommitAsync(Ct);
        }

        Assert.Equal(new AppendResult(first.Sequence, true), await second);
        Assert.Single(await Store.ReadFeedAsync(0, 100, null, Ct));
    }

    [Fact]
    public async Task Append_InSessionDisposedWithoutCommit_StoresNothingAndCanBeAppendedAgain()
    {
        var caseEvent = new CaseEventBuilder().Build();
        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.AppendAsync(caseEvent, TestData.ReceivedAt, Ct);
        }

        Assert.Empty(await Store.ReadFeedAsync(0, 100, null, Ct));
        Assert.False((await AppendCommittedAsync(caseEvent)).IsDuplicate);
    }

    [Fact]
    public async Task GetEvent_AfterAppend_ReturnsTheCanonicalEventWithOffsetsAndReceivedAt()
    {
        var caseEvent = new CaseEventBuilder()
            .OfType(CaseEventTypes.Decided, "Beslut i ditt ärende om bygglov")
            .WithParty(PartyRole.Applicant, TestData.Anna)
            .WithParty(PartyRole.Stakeholder, TestData.Johan)
            .Concerning(TestData.Elsa)
            .WithDocumentAndDecision()
            .Build();
        var receivedAt = new DateTimeOffset(2026, 3, 2, 10, 15, 30, 123, TimeSpan.FromHours(1));

        var appended = await AppendCommittedAsync(caseEvent, receivedAt);
        var stored = await Store.GetEventAsync(appended.Sequence, Ct);

        Assert.NotNull(stored);
        Assert.Equal(appended.Sequence, stored.Sequence);
        Assert.Equal(receivedAt, stored.ReceivedAt);
        Assert.Null(stored.CaseId);
        AssertSameEvent(caseEvent, stored.Event);
        Assert.Equal(TimeSpan.FromHours(1), stored.Event.Data.Event.OccurredAt.Offset);
    }

    [Fact]
    public async Task GetEvent_UnknownSequence_ReturnsNull() =>
        Assert.Null(await Store.GetEventAsync(424242, Ct));

    // ---------------------------------------------------------------- 2. feed and stable cursor

    [Fact]
    public async Task ReadFeed_AfterCursor_ReturnsLaterEventsInSequenceOrderUpToLimit()
    {
        var sequences = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            sequences.Add((await AppendCommittedAsync(new CaseEventBuilder().Build())).Sequence);
        }

        var page = await Store.ReadFeedAsync(sequences[1], 2, null, Ct);
        var rest = await Store.ReadFeedAsync(page[^1].Sequence, 100, null, Ct);

        Assert.Equal(sequences[2..4], page.Select(e => e.Sequence));
        Assert.Equal(sequences[4..], rest.Select(e => e.Sequence));
        Assert.Empty(await Store.ReadFeedAsync(sequences[^1], 100, null, Ct));
    }

    [Fact]
    public async Task ReadFeed_ForMunicipality_ReturnsOnlyItsEvents()
    {
        var sundsvall = await AppendCommittedAsync(new CaseEventBuilder().Build());
        await AppendCommittedAsync(new CaseEventBuilder().InMunicipality(TestData.Timra).Build());
        var sundsvallAgain = await AppendCommittedAsync(new CaseEventBuilder().Build());

        var feed = await Store.ReadFeedAsync(0, 100, TestData.Sundsvall, Ct);

        Assert.Equal([sundsvall.Sequence, sundsvallAgain.Sequence], feed.Select(e => e.Sequence));
        Assert.All(feed, e => Assert.Equal(TestData.Sundsvall, e.Event.Municipality));
    }

    [Fact]
    public async Task ReadFeed_WhileSessionIsUncommitted_DoesNotSeeItsEvent()
    {
        await using var session = await Store.BeginAsync(Ct);
        var appended = await session.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);

        Assert.Empty(await Store.ReadFeedAsync(0, 100, null, Ct));
        Assert.Null(await Store.GetEventAsync(appended.Sequence, Ct));

        await session.CommitAsync(Ct);
        Assert.Single(await Store.ReadFeedAsync(0, 100, null, Ct));
    }

    [Fact]
    public async Task ReadFeed_LowerSequenceCommitsLast_ReaderNeverSeesTheHigherOneFirst()
    {
        var cursor = (await AppendCommittedAsync(new CaseEventBuilder().Build())).Sequence;
        AppendResult lower;
        Task<AppendResult> higher;
        await using (var first = await Store.BeginAsync(Ct))
        {
            lower = await first.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);
            higher = Task.Run(() => AppendCommittedAsync(new CaseEventBuilder().Build()), Ct);
            await Database.WaitUntilAWriterWaitsAsync(Ct);

            // A reader in between: nothing after the cursor is visible yet, in particular not the
            // second writer's event; if it were, the cursor would move past the lower sequence.
            Assert.Empty(await Store.ReadFeedAsync(cursor, 100, null, Ct));
            Assert.False(higher.IsCompleted, "the second appender must wait until the first commits");
            await first.CommitAsync(Ct);
        }

        var second = await higher;
        Assert.True(second.Sequence > lower.Sequence, "sequence order is commit order");
        var feed = await Store.ReadFeedAsync(cursor, 100, null, Ct);
        Assert.Equal([lower.Sequence, second.Sequence], feed.Select(e => e.Sequence));
    }

    // ---------------------------------------------------------------- 3. cases

    [Fact]
    public async Task UpsertCase_NewCase_CreatesRecordFromTheEvent()
    {
        var caseRef = TestData.Bygglov();

        var record = await UpsertCommittedAsync(Upsert(10, caseRef, TestData.March2, DataClassification.Confidential));

        Assert.Equal(7, record.Id.Version);
        Assert.Equal(TestData.Sundsvall, record.Municipality);
        Assert.Equal(caseRef.SourceSystem, record.SourceSystem);
        Assert.Equal(caseRef.SourceCaseId, record.SourceCaseId);
        Assert.Equal(caseRef.CaseNumber, record.CaseNumber);
        Assert.Equal(caseRef.MainCaseNumber, record.MainCaseNumber);
        Assert.Equal(caseRef.Diarienummer, record.Diarienummer);
        Assert.Equal(caseRef.Title, record.Title);
        Assert.Equal(caseRef.CaseType, record.CaseType);
        Assert.Equal(caseRef.Authority, record.Authority);
        Assert.Equal(caseRef.Unit, record.Unit);
        Assert.Equal(CaseStatus.Open, record.Status);
        Assert.Equal("Inkommen", record.SourceStatus);
        Assert.Equal(DataClassification.Confidential, record.Classification);
        Assert.Equal(TestData.March2, record.OpenedAt);
        Assert.Equal(TestData.March2, record.UpdatedAt);
        Assert.Equal(10, record.LastSequence);
        Assert.Equal(record, await Store.GetCaseAsync(record.Id, Ct));
    }

    [Fact]
    public async Task UpsertCase_NewerEvent_OverwritesTheFieldsItCarriesButNeverTheDiarienummer()
    {
        var created = await UpsertCommittedAsync(Upsert(10, TestData.Bygglov(), TestData.March2, DataClassification.Confidential));
        var update = TestData.KeyOnly(TestData.Bygglov()) with
        {
            Title = "Bygglov för nybyggnad av enbostadshus och garage, Tallbacken 3",
            Diarienummer = new Diarienummer("BMN 2026/42-B"),
            SourceStatus = "Beslutad",
        };

        var updated = await UpsertCommittedAsync(Upsert(20, update, TestData.March2.AddDays(30), DataClassification.Confidential) with { Status = CaseStatus.Closed });

        var expected = created with
        {
            Title = update.Title,
            SourceStatus = "Beslutad",
            Status = CaseStatus.Closed,
            UpdatedAt = TestData.March2.AddDays(30),
            LastSequence = 20,
        };
        Assert.Equal(expected, updated);
        Assert.Equal(new Diarienummer("BMN 2026/42", "BMN", 2026, 42), updated.Diarienummer);
        Assert.Equal(expected, await Store.GetCaseAsync(created.Id, Ct));
    }

    [Fact]
    public async Task UpsertCase_CaseWithoutDiarienummer_TakesTheFirstOneGivenEvenFromAnOlderEventAndKeepsIt()
    {
        var withoutNumber = TestData.Bygglov() with { Diarienummer = null };
        await UpsertCommittedAsync(Upsert(20, withoutNumber, TestData.March2.AddDays(1), DataClassification.Internal));

        var fromOlderEvent = await UpsertCommittedAsync(
            Upsert(10, TestData.KeyOnly(withoutNumber) with { Diarienummer = new Diarienummer("BMN 2026/7", "BMN", 2026, 7) }, TestData.March2, DataClassification.Internal));
        var fromNewerEvent = await UpsertCommittedAsync(
            Upsert(30, TestData.KeyOnly(withoutNumber) with { Diarienummer = new Diarienummer("BMN 2026/8", "BMN", 2026, 8) }, TestData.March2.AddDays(2), DataClassification.Internal));

        Assert.Equal(new Diarienummer("BMN 2026/7", "BMN", 2026, 7), fromOlderEvent.Diarienummer);
        Assert.Equal(20, fromOlderEvent.LastSequence);
        Assert.Equal(new Diarienummer("BMN 2026/7", "BMN", 2026, 7), fromNewerEvent.Diarienummer);
        Assert.Equal(30, fromNewerEvent.LastSequence);
    }

    [Fact]
    public async Task UpsertCase_ReplayedEvents_ChangeNothing()
    {
        var opened = Upsert(10, TestData.Bygglov(), TestData.March2, DataClassification.Internal);
        var decidedCase = TestData.KeyOnly(TestData.Bygglov()) with { SourceStatus = "Beslutad" };
        var decided = Upsert(20, decidedCase, TestData.March2.AddDays(30), DataClassification.Confidential) with { Status = CaseStatus.Closed };
        await UpsertCommittedAsync(opened);
        var before = await UpsertCommittedAsync(decided);

        var replayedOpened = await UpsertCommittedAsync(opened);
        var replayedDecided = await UpsertCommittedAsync(decided);

        Assert.Equal(before, replayedOpened);
        Assert.Equal(before, replayedDecided);
        Assert.Equal(before, await Store.GetCaseAsync(before.Id, Ct));
    }

    [Fact]
    public async Task UpsertCase_OlderEventArrivingLate_DoesNotRegressFieldsButRaisesClassificationAndOpenedAt()
    {
        var newer = await UpsertCommittedAsync(
            Upsert(20, TestData.Bygglov() with { Title = "Ny ärendemening", SourceStatus = "Under handläggning" }, TestData.March2.AddDays(3), DataClassification.Internal));

        var afterOlder = await UpsertCommittedAsync(
            Upsert(10, TestData.Bygglov() with { Title = "Gammal ärendemening", SourceStatus = "Inkommen", Status = CaseStatus.Dormant }, TestData.March2, DataClassification.Restricted));

        Assert.Equal(newer with { Classification = DataClassification.Restricted, OpenedAt = TestData.March2 }, afterOlder);
    }

    [Fact]
    public async Task UpsertCase_LowerClassificationLater_KeepsTheHighest()
    {
        await UpsertCommittedAsync(Upsert(10, TestData.Bygglov(), TestData.March2, DataClassification.Confidential));

        var lowered = await UpsertCommittedAsync(Upsert(20, TestData.Bygglov(), TestData.March2.AddDays(1), DataClassification.Public));
        var raised = await UpsertCommittedAsync(Upsert(30, TestData.Bygglov(), TestData.March2.AddDays(2), DataClassification.Restricted));

        Assert.Equal(DataClassification.Confidential, lowered.Classification);
        Assert.Equal(DataClassification.Restricted, raised.Classification);
    }

    [Fact]
    public async Task UpsertCase_SameSourceCaseInAnotherMunicipality_IsAnotherCase()
    {
        var sundsvall = await UpsertCommittedAsync(Upsert(10, TestData.Bygglov(), TestData.March2, DataClassification.Public));
        var timra = await UpsertCommittedAsync(Upsert(11, TestData.Bygglov(), TestData.March2, DataClassification.Public) with { Municipality = TestData.Timra });

        Assert.NotEqual(sundsvall.Id, timra.Id);
        Assert.Equal(TestData.Timra, timra.Municipality);
    }

    [Fact]
    public async Task UpsertCase_SameNewCaseFromParallelSessions_CreatesOneCase()
    {
        var records = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => UpsertCommittedAsync(Upsert(i, TestData.Bygglov(), TestData.March2.AddMinutes(i), DataClassification.Internal)), Ct)));

        Assert.All(records, record => Assert.Equal(records[0].Id, record.Id));
        var found = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.EdpFuture, SourceCaseId = "BL-2026-0042" }, Ct);
        var single = Assert.Single(found);
        Assert.Equal(6, single.LastSequence);
        Assert.Equal(TestData.March2.AddMinutes(1), single.OpenedAt);
        Assert.Equal(TestData.March2.AddMinutes(6), single.UpdatedAt);
    }

    [Fact]
    public async Task GetCase_UnknownId_ReturnsNull() =>
        Assert.Null(await Store.GetCaseAsync(Guid.CreateVersion7(), Ct));

    // ---------------------------------------------------------------- 4. linking events to cases

    [Fact]
    public async Task LinkEventToCase_Twice_SetsTheCaseIdSeenByEveryRead()
    {
        var caseEvent = new CaseEventBuilder().Build();
        long sequence;
        CaseRecord record;
        await using (var session = await Store.BeginAsync(Ct))
        {
            sequence = (await session.AppendAsync(caseEvent, TestData.ReceivedAt, Ct)).Sequence;
            record = await session.UpsertCaseAsync(UpsertFor(sequence, caseEvent), Ct);
            await session.LinkEventToCaseAsync(sequence, record.Id, Ct);
            await session.LinkEventToCaseAsync(sequence, record.Id, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(record.Id, (await Store.GetEventAsync(sequence, Ct))?.CaseId);
        Assert.Equal(record.Id, Assert.Single(await Store.ReadFeedAsync(0, 10, null, Ct)).CaseId);
        Assert.Equal(record.Id, Assert.Single(await Store.GetCaseTimelineAsync(record.Id, Ct)).CaseId);
    }

    [Fact]
    public async Task LinkEventToCase_UnknownSequence_Throws()
    {
        var record = await UpsertCommittedAsync(Upsert(10, TestData.Bygglov(), TestData.March2, DataClassification.Public));
        await using var session = await Store.BeginAsync(Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => session.LinkEventToCaseAsync(424242, record.Id, Ct));

        Assert.Contains("424242", error.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- 5. persons and Mina Sidor

    [Fact]
    public async Task PersonTimeline_PartyOfCase_SeesEveryEventOfTheCaseNewestFirst()
    {
        var opened = await IngestAsync(new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).OccurredAt(TestData.March2).Build());
        var status = await IngestAsync(new CaseEventBuilder()
            .OfType(CaseEventTypes.StatusChanged, "Din ansökan är komplett och handläggs nu")
            .ForCase(TestData.KeyOnly(TestData.Bygglov()))
            .OccurredAt(TestData.March2.AddDays(5)).Build());
        var decided = await IngestAsync(new CaseEventBuilder()
            .OfType(CaseEventTypes.Decided, "Beslut i ditt ärende om bygglov")
            .OccurredAt(TestData.March2.AddDays(20)).Build());
        await IngestAsync(new CaseEventBuilder().ForCase(TestData.Bygglov("BL-2026-0077", 77)).WithParty(PartyRole.Applicant, TestData.Johan).Build());

        var timeline = await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 50), Ct);

        Assert.Equal([decided.Sequence, status.Sequence, opened.Sequence], timeline.Select(e => e.Sequence));
        Assert.All(timeline, e => Assert.Equal(opened.Case.Id, e.CaseId));
    }

    [Fact]
    public async Task PersonTimeline_ChildConcernedByEvents_SeesThoseEventsOnlyWhileGuardianSeesAll()
    {
        var forskola = TestData.Forskoleplats();
        var applied = await IngestAsync(new CaseEventBuilder().ForCase(forskola)
            .OfType(CaseEventTypes.Opened, "Vi har tagit emot din ansökan om förskoleplats")
            .WithParty(PartyRole.Guardian, TestData.Anna).Concerning(TestData.Elsa).OccurredAt(TestData.March2).Build());
        var queued = await IngestAsync(new CaseEventBuilder().ForCase(TestData.KeyOnly(forskola))
            .OfType(CaseEventTypes.StatusChanged, "Din ansökan står i kö").OccurredAt(TestData.March2.AddDays(1)).Build());
        var placed = await IngestAsync(new CaseEventBuilder().ForCase(TestData.KeyOnly(forskola))
            .OfType(CaseEventTypes.Decided, "Elsa har fått plats på Solrosens förskola")
            .Concerning(TestData.Elsa).OccurredAt(TestData.March2.AddDays(40)).Build());

        var guardian = await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 50), Ct);
        var child = await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Elsa.Identity, new TimelinePage(0, 50), Ct);

        Assert.Equal([placed.Sequence, queued.Sequence, applied.Sequence], guardian.Select(e => e.Sequence));
        Assert.Equal([placed.Sequence, applied.Sequence], child.Select(e => e.Sequence));
    }

    [Fact]
    public async Task PersonTimeline_EventsInAnotherMunicipality_AreNotIncluded()
    {
        var sundsvall = await IngestAsync(new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).Build());
        await IngestAsync(new CaseEventBuilder().InMunicipality(TestData.Timra).WithParty(PartyRole.Applicant, TestData.Anna).Build());

        var timeline = await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 50), Ct);

        Assert.Equal(sundsvall.Sequence, Assert.Single(timeline).Sequence);
    }

    [Fact]
    public async Task PersonTimeline_EventsThatHappenedAtTheSameTime_NewerSequenceFirst()
    {
        var first = await IngestAsync(new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).OccurredAt(TestData.March2).Build());
        var second = await IngestAsync(new CaseEventBuilder().ForCase(TestData.Bygglov("BL-2026-0050", 50))
            .WithParty(PartyRole.Applicant, TestData.Anna).OccurredAt(TestData.March2).Build());
        var earlierButLater = await IngestAsync(new CaseEventBuilder().ForCase(TestData.Bygglov("BL-2026-0051", 51))
            .WithParty(PartyRole.Applicant, TestData.Anna).OccurredAt(TestData.March2.AddHours(-1)).Build());

        var timeline = await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 50), Ct);

        Assert.Equal([second.Sequence, first.Sequence, earlierButLater.Sequence], timeline.Select(e => e.Sequence));
    }

    [Fact]
    public async Task PersonTimeline_Pages_ReturnOffsetAndLimitWithoutGapsOrRepeats()
    {
        var sequences = new List<long>();
        for (var day = 0; day < 5; day++)
        {
            var e = new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).OccurredAt(TestData.March2.AddDays(day)).Build();
            sequences.Add((await IngestAsync(e)).Sequence);
        }

        sequences.Reverse();
        var pages = new List<IReadOnlyList<StoredEvent>>();
        for (var offset = 0; offset < 6; offset += 2)
        {
            pages.Add(await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(offset, 2), Ct));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(sequences, pages.SelectMany(p => p).Select(e => e.Sequence));
    }

    [Fact]
    public async Task IndexPersons_Repeated_IsIdempotentAndTimelineHasNoDuplicates()
    {
        var caseEvent = new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).Concerning(TestData.Anna).Build();
        var ingested = await IngestAsync(caseEvent);

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.IndexPersonsAsync(ingested.Sequence, ingested.Case.Id, PeopleOf(caseEvent), Ct);
            await session.IndexPersonsAsync(ingested.Sequence, ingested.Case.Id, [new PersonLink(TestData.Anna.Identity, PersonRelation.Party, PartyRole.Contact)], Ct);
            await session.CommitAsync(Ct);
        }

        var timeline = await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 50), Ct);
        Assert.Equal(ingested.Sequence, Assert.Single(timeline).Sequence);
    }

    [Fact]
    public async Task PersonTimeline_UnknownPerson_IsEmpty()
    {
        await IngestAsync(new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).Build());

        Assert.Empty(await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Johan.Identity, new TimelinePage(0, 50), Ct));
    }

    // ---------------------------------------------------------------- 6. case timeline and finding cases

    [Fact]
    public async Task CaseTimeline_ReturnsTheCaseEventsOldestFirstByOccurredAtThenSequence()
    {
        var late = await IngestAsync(new CaseEventBuilder().OccurredAt(TestData.March2.AddDays(9)).Build());
        var early = await IngestAsync(new CaseEventBuilder().OccurredAt(TestData.March2).Build());
        var middle = await IngestAsync(new CaseEventBuilder().OccurredAt(TestData.March2.AddDays(4)).Build());
        var earlyToo = await IngestAsync(new CaseEventBuilder().OccurredAt(TestData.March2).Build());
        await IngestAsync(new CaseEventBuilder().ForCase(TestData.Bygglov("BL-2026-0099", 99)).Build());

        var timeline = await Store.GetCaseTimelineAsync(late.Case.Id, Ct);

        Assert.Equal([early.Sequence, earlyToo.Sequence, middle.Sequence, late.Sequence], timeline.Select(e => e.Sequence));
    }

    [Fact]
    public async Task FindCases_ByCaseNumber_FindsTheCaseInTheMunicipalityOnly()
    {
        var wanted = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov("BL-2026-0042", 42), TestData.March2, DataClassification.Public));
        await UpsertCommittedAsync(Upsert(2, TestData.Bygglov("BL-2026-0043", 43), TestData.March2, DataClassification.Public));
        await UpsertCommittedAsync(Upsert(3, TestData.Bygglov("BL-2026-0042", 42), TestData.March2, DataClassification.Public) with { Municipality = TestData.Timra });

        var found = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, CaseNumber = "BL 0042" }, Ct);

        Assert.Equal(wanted, Assert.Single(found));
    }

    [Fact]
    public async Task FindCases_ByDiarienummer_FindsTheCase()
    {
        await UpsertCommittedAsync(Upsert(1, TestData.Bygglov("BL-2026-0042", 42), TestData.March2, DataClassification.Public));
        var wanted = await UpsertCommittedAsync(Upsert(2, TestData.Bygglov("BL-2026-0043", 43), TestData.March2, DataClassification.Public));

        var found = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, Diarienummer = "BMN 2026/43" }, Ct);

        Assert.Equal(wanted, Assert.Single(found));
    }

    [Fact]
    public async Task FindCases_BySourceSystemAndCaseId_FindsTheCase()
    {
        var wanted = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov("BL-2026-0042", 42), TestData.March2, DataClassification.Public));
        await UpsertCommittedAsync(Upsert(2, TestData.Bygglov("BL-2026-0042", 42) with { SourceSystem = TestData.Platina }, TestData.March2, DataClassification.Public));

        var found = await Store.FindCasesAsync(
            new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.EdpFuture, SourceCaseId = "BL-2026-0042" }, Ct);

        Assert.Equal(wanted, Assert.Single(found));
    }

    [Fact]
    public async Task FindCases_SeveralCriteria_AreCombinedWithAnd()
    {
        var wanted = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov("BL-2026-0042", 42), TestData.March2, DataClassification.Public));
        await UpsertCommittedAsync(Upsert(2, TestData.Bygglov("BL-2026-0043", 43), TestData.March2, DataClassification.Public));

        var both = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, CaseNumber = "BL 0042", Diarienummer = "BMN 2026/42" }, Ct);
        var mismatch = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, CaseNumber = "BL 0042", Diarienummer = "BMN 2026/43" }, Ct);

        Assert.Equal(wanted, Assert.Single(both));
        Assert.Empty(mismatch);
    }

    [Fact]
    public async Task FindCases_ManyMatches_NewestUpdateFirstAndAtMostLimit()
    {
        // "Every case from EDP Future": the source system alone matches all three.
        var oldest = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov("BL-2026-0001", 1), TestData.March2, DataClassification.Public));
        var newest = await UpsertCommittedAsync(Upsert(2, TestData.Bygglov("BL-2026-0002", 2), TestData.March2.AddDays(2), DataClassification.Public));
        var middle = await UpsertCommittedAsync(Upsert(3, TestData.Bygglov("BL-2026-0003", 3), TestData.March2.AddDays(1), DataClassification.Public));
        await UpsertCommittedAsync(Upsert(4, TestData.Forskoleplats(), TestData.March2.AddDays(3), DataClassification.Public));

        var all = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.EdpFuture }, Ct);
        var limited = await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.EdpFuture, Limit = 2 }, Ct);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], all.Select(c => c.Id));
        Assert.Equal([newest.Id, middle.Id], limited.Select(c => c.Id));
    }

    [Fact]
    public async Task FindCases_NoCriterionBesidesMunicipality_ThrowsArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall }, Ct));

    // ---------------------------------------------------------------- 7. sessions

    [Fact]
    public async Task Session_DisposedWithoutCommit_RollsBackEveryWrite()
    {
        var caseEvent = new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).Build();
        await using (var session = await Store.BeginAsync(Ct))
        {
            var sequence = (await session.AppendAsync(caseEvent, TestData.ReceivedAt, Ct)).Sequence;
            var record = await session.UpsertCaseAsync(UpsertFor(sequence, caseEvent), Ct);
            await session.LinkEventToCaseAsync(sequence, record.Id, Ct);
            await session.IndexPersonsAsync(sequence, record.Id, PeopleOf(caseEvent), Ct);
        }

        Assert.Empty(await Store.ReadFeedAsync(0, 100, null, Ct));
        Assert.Empty(await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, CaseNumber = "BL 0042" }, Ct));
        Assert.Empty(await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 10), Ct));
    }

    [Fact]
    public async Task Session_AfterCommit_RejectsFurtherWrites()
    {
        await using var session = await Store.BeginAsync(Ct);
        await session.CommitAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct));
    }

    [Fact]
    public async Task Enlist_OwnerCommits_SessionCommitAndDisposeLeaveTheTransactionToTheOwner()
    {
        var (connection, transaction) = await Database.BeginForeignTransactionAsync(Ct);
        await using (connection)
        await using (transaction)
        {
            await using (var session = Store.Enlist(connection, transaction))
            {
                Assert.Same(connection, session.Connection);
                Assert.Same(transaction, session.Transaction);
                await session.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);
                await session.CommitAsync(Ct);
            }

            Assert.Empty(await Store.ReadFeedAsync(0, 100, null, Ct));
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            await transaction.CommitAsync(Ct);
        }

        Assert.Single(await Store.ReadFeedAsync(0, 100, null, Ct));
    }

    [Fact]
    public async Task Enlist_OwnerRollsBack_NothingIsStored()
    {
        var caseEvent = new CaseEventBuilder().Build();
        var (connection, transaction) = await Database.BeginForeignTransactionAsync(Ct);
        await using (connection)
        await using (transaction)
        {
            await using (var session = Store.Enlist(connection, transaction))
            {
                var sequence = (await session.AppendAsync(caseEvent, TestData.ReceivedAt, Ct)).Sequence;
                await session.UpsertCaseAsync(UpsertFor(sequence, caseEvent), Ct);
            }

            await transaction.RollbackAsync(Ct);
        }

        Assert.Empty(await Store.ReadFeedAsync(0, 100, null, Ct));
        Assert.False((await AppendCommittedAsync(caseEvent)).IsDuplicate);
    }

    [Fact]
    public void Enlist_ConnectionOfAnotherProvider_ThrowsArgumentException()
    {
        using var foreign = new ForeignDbConnection();
        using var transaction = foreign.BeginTransaction();

        var error = Assert.Throws<ArgumentException>(() => Store.Enlist(foreign, transaction));

        Assert.Contains(nameof(ForeignDbConnection), error.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- 8. migrations and durability

    [Fact]
    public async Task Migrate_AgainOnAMigratedDatabase_IsHarmlessAndKeepsData()
    {
        var appended = await AppendCommittedAsync(new CaseEventBuilder().Build());

        await Store.MigrateAsync(Ct);
        await Database.OpenStore().MigrateAsync(Ct);

        Assert.NotNull(await Store.GetEventAsync(appended.Sequence, Ct));
    }

    [Fact]
    public async Task Migrate_TwoStoresAtOnceOnANewDatabase_BothSucceed()
    {
        await using var fresh = CreateDatabase();
        var first = fresh.OpenStore();
        var second = fresh.OpenStore();

        await Task.WhenAll(Task.Run(() => first.MigrateAsync(Ct), Ct), Task.Run(() => second.MigrateAsync(Ct), Ct));

        await using (var session = await first.BeginAsync(Ct))
        {
            await session.AppendAsync(new CaseEventBuilder().Build(), TestData.ReceivedAt, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Single(await second.ReadFeedAsync(0, 10, null, Ct));
    }

    [Fact]
    public async Task Migrate_ScriptFails_ThrowsNamingTheScriptAndTheReason()
    {
        await using var fresh = CreateDatabase();
        await fresh.CreateForeignEventsTableAsync(Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fresh.OpenStore().MigrateAsync(Ct));

        Assert.Contains("Migrations/0001_initial.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_NewStoreObjectOnTheSameDatabase_SeesEverythingCommitted()
    {
        var caseEvent = new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).Build();
        var ingested = await IngestAsync(caseEvent);

        var reopened = await Database.ReopenStoreAsync(Ct);
        await reopened.MigrateAsync(Ct);

        var stored = await reopened.GetEventAsync(ingested.Sequence, Ct);
        Assert.NotNull(stored);
        AssertSameEvent(caseEvent, stored.Event);
        Assert.Equal(ingested.Case, await reopened.GetCaseAsync(ingested.Case.Id, Ct));
        Assert.Single(await reopened.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 10), Ct));
        Assert.True((await AppendWithAsync(reopened, caseEvent)).IsDuplicate);
    }
}
