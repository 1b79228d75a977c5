using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Cases;
using IntegrationHub.Store.Tests.Support;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>
/// Cross-system correlation every <see cref="IHubStore"/> must do: one hub case with many source ids,
/// relations and merges within a municipality, sub-case timelines and collaboration look-ups, and
/// migration 2 on a database that already holds version-1 data.
/// </summary>
public abstract class CaseLinkContract : StoreContractBase
{
    // ---------------------------------------------------------------- 1. source ids

    [Fact]
    public async Task UpsertCase_NewCase_GetsItsOwnSourceIdAsFirstLinkViaEvent()
    {
        var record = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov(), TestData.March2, DataClassification.Internal));

        var link = Assert.Single(await Store.Links.GetSourceIdsAsync(record.Id, Ct));

        Assert.Equal((TestData.EdpFuture, "BL-2026-0042", "event"), (link.SourceSystem, link.SourceCaseId, link.Via));
    }

    [Fact]
    public async Task UpsertCase_SameNewCaseFromParallelSessions_CreatesOneCaseWithOneLink()
    {
        var records = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => UpsertCommittedAsync(Upsert(i, TestData.Bygglov(), TestData.March2.AddMinutes(i), DataClassification.Internal)), Ct)));

        Assert.All(records, record => Assert.Equal(records[0].Id, record.Id));
        Assert.Single(await Store.Links.GetSourceIdsAsync(records[0].Id, Ct));
        Assert.Single(await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.EdpFuture }, Ct));
    }

    [Fact]
    public async Task LinkSource_NewSourceId_IsLinkedOnceAndListedInLinkOrder()
    {
        var record = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov(), TestData.March2, DataClassification.Internal));

        LinkOutcome first, second;
        await using (var session = await Store.BeginAsync(Ct))
        {
            first = await session.Links.LinkSourceAsync(record.Id, TestData.Platina, "P-2026-9", "hubCaseId", Ct);
            second = await session.Links.LinkSourceAsync(record.Id, TestData.Platina, "P-2026-9", "api", Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(new LinkOutcome(LinkStatus.Linked), first);
        Assert.Equal(new LinkOutcome(LinkStatus.AlreadyLinked), second);
        Assert.Equal(
            [(TestData.EdpFuture, "BL-2026-0042", "event"), (TestData.Platina, "P-2026-9", "hubCaseId")],
            (await Store.Links.GetSourceIdsAsync(record.Id, Ct)).Select(l => (l.SourceSystem, l.SourceCaseId, l.Via)));
    }

    [Fact]
    public async Task UpsertCase_EventOfALinkedSourceId_UpdatesThatCaseAndKeepsItsOwnSourceColumns()
    {
        var record = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov(), TestData.March2, DataClassification.Internal));
        await LinkCommittedAsync(record.Id, TestData.Platina, "P-2026-9");

        var updated = await UpsertCommittedAsync(Upsert(
            2,
            new CaseRef { SourceSystem = TestData.Platina, SourceCaseId = "P-2026-9", SourceStatus = "Beredning inför nämnd" },
            TestData.March2.AddDays(5),
            DataClassification.Confidential));

        Assert.Equal(record with { SourceStatus = "Beredning inför nämnd", Classification = DataClassification.Confidential, UpdatedAt = TestData.March2.AddDays(5), LastSequence = 2 }, updated);
        Assert.Equal(updated, Assert.Single(await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.Platina }, Ct)));
        await using var session = await Store.BeginAsync(Ct);
        Assert.Equal(record.Id, await session.Links.FindCaseBySourceAsync(TestData.Sundsvall, TestData.Platina, "P-2026-9", Ct));
    }

    [Fact]
    public async Task LinkSource_IdOfAnotherCase_ReportsThatCaseAndChangesNothing()
    {
        var first = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov("BL-2026-0042", 42), TestData.March2, DataClassification.Internal));
        var second = await UpsertCommittedAsync(Upsert(2, TestData.Bygglov("BL-2026-0043", 43), TestData.March2, DataClassification.Internal));

        LinkOutcome outcome;
        await using (var session = await Store.BeginAsync(Ct))
        {
            outcome = await session.Links.LinkSourceAsync(first.Id, TestData.EdpFuture, "BL-2026-0043", "api", Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(new LinkOutcome(LinkStatus.BelongsToOtherCase, second.Id), outcome);
        Assert.Single(await Store.Links.GetSourceIdsAsync(first.Id, Ct));
        Assert.Single(await Store.Links.GetSourceIdsAsync(second.Id, Ct));
        Assert.Equal(second.Id, await FindCaseBySourceAsync(TestData.Sundsvall, TestData.EdpFuture, "BL-2026-0043"));
    }

    [Fact]
    public async Task LinkSource_UnknownCase_ThrowsKeyNotFound()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Links.LinkSourceAsync(Guid.CreateVersion7(), TestData.Platina, "P-1", "api", Ct));
    }

    [Fact]
    public async Task FindCaseBySource_UnknownOrOfAnotherMunicipality_ReturnsNullOrThatMunicipalitysCase()
    {
        var sundsvall = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov(), TestData.March2, DataClassification.Internal));
        var timra = await UpsertCommittedAsync(Upsert(2, TestData.Bygglov(), TestData.March2, DataClassification.Internal) with { Municipality = TestData.Timra });

        Assert.Null(await FindCaseBySourceAsync(TestData.Sundsvall, TestData.EdpFuture, "BL-2026-9999"));
        Assert.Equal(sundsvall.Id, await FindCaseBySourceAsync(TestData.Sundsvall, TestData.EdpFuture, "BL-2026-0042"));
        Assert.Equal(timra.Id, await FindCaseBySourceAsync(TestData.Timra, TestData.EdpFuture, "BL-2026-0042"));
    }

    // ---------------------------------------------------------------- 2. relations

    [Fact]
    public async Task AddRelation_Twice_IsStoredOnceAndSeenFromBothCases()
    {
        var (a, b, c) = (await CaseAsync("A"), await CaseAsync("B"), await CaseAsync("C"));
        var referral = new CaseRelation(a.Id, b.Id, CaseRelationKind.ReferredTo, "remiss-1", 10);
        var assignment = new CaseRelation(b.Id, c.Id, CaseRelationKind.AssignedTo, null, 11);
        var forwardOfTheSamePair = new CaseRelation(a.Id, b.Id, CaseRelationKind.ForwardedTo, "vb-1", 12);

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Links.AddRelationAsync(referral, Ct);
            await session.Links.AddRelationAsync(referral with { EventSequence = 99 }, Ct);
            await session.Links.AddRelationAsync(assignment, Ct);
            await session.Links.AddRelationAsync(forwardOfTheSamePair, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal([referral, forwardOfTheSamePair], await Store.Links.GetRelationsAsync(a.Id, Ct));
        Assert.Equal([referral, assignment, forwardOfTheSamePair], await Store.Links.GetRelationsAsync(b.Id, Ct));
        Assert.Equal([assignment], await Store.Links.GetRelationsAsync(c.Id, Ct));
    }

    [Fact]
    public async Task AddRelation_CasesInDifferentMunicipalitiesOrTheSameCase_ThrowsArgumentException()
    {
        var sundsvall = await CaseAsync("A");
        var timra = await CaseAsync("T", TestData.Timra);

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<ArgumentException>(
            () => session.Links.AddRelationAsync(new CaseRelation(sundsvall.Id, timra.Id, CaseRelationKind.ForwardedTo, null, 1), Ct));
        await Assert.ThrowsAsync<ArgumentException>(
            () => session.Links.AddRelationAsync(new CaseRelation(sundsvall.Id, sundsvall.Id, CaseRelationKind.ForwardedTo, null, 1), Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(
            () => session.Links.AddRelationAsync(new CaseRelation(sundsvall.Id, Guid.CreateVersion7(), CaseRelationKind.ForwardedTo, null, 1), Ct));
    }

    // ---------------------------------------------------------------- 3. merges

    [Fact]
    public async Task Merge_MovesSourceIdsEventsPartiesAndRelationsToTheSurvivor()
    {
        var survivorRef = CaseRefOf(TestData.EdpFuture, "S");
        var mergedRef = CaseRefOf(TestData.Platina, "M");
        var survivorEvent = await IngestAsync(new CaseEventBuilder().ForCase(survivorRef).WithParty(PartyRole.Applicant, TestData.Anna).OccurredAt(TestData.March2).Build());
        var mergedEvent = await IngestAsync(new CaseEventBuilder().ForCase(mergedRef)
            .WithParty(PartyRole.Applicant, TestData.Johan).WithParty(PartyRole.Stakeholder, TestData.Anna).OccurredAt(TestData.March2.AddDays(1)).Build());
        var mergedLater = await IngestAsync(new CaseEventBuilder().ForCase(TestData.KeyOnly(mergedRef)).OccurredAt(TestData.March2.AddDays(2)).Build());
        var other = await CaseAsync("O");
        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Links.AddRelationAsync(new CaseRelation(mergedEvent.Case.Id, other.Id, CaseRelationKind.ForwardedTo, "vb-1", mergedEvent.Sequence), Ct);
            await session.Links.AddRelationAsync(new CaseRelation(other.Id, mergedEvent.Case.Id, CaseRelationKind.ReferredTo, "remiss-1", mergedLater.Sequence), Ct);
            await session.CommitAsync(Ct);
        }

        await MergeCommittedAsync(survivorEvent.Case.Id, mergedEvent.Case.Id);

        var survivorId = survivorEvent.Case.Id;
        var mergedId = mergedEvent.Case.Id;
        var timeline = await Store.GetCaseTimelineAsync(survivorId, Ct);
        Assert.Equal([survivorEvent.Sequence, mergedEvent.Sequence, mergedLater.Sequence], timeline.Select(e => e.Sequence));
        Assert.All(timeline, e => Assert.Equal(survivorId, e.CaseId));
        Assert.Empty(await Store.GetCaseTimelineAsync(mergedId, Ct));
        Assert.Equal(
            [(TestData.EdpFuture, "S", "event"), (TestData.Platina, "M", "merge")],
            (await Store.Links.GetSourceIdsAsync(survivorId, Ct)).Select(l => (l.SourceSystem, l.SourceCaseId, l.Via)));
        Assert.Empty(await Store.Links.GetSourceIdsAsync(mergedId, Ct));
        Assert.Equal(survivorId, await FindCaseBySourceAsync(TestData.Sundsvall, TestData.Platina, "M"));
        var everyEventNewestFirst = new[] { mergedLater.Sequence, mergedEvent.Sequence, survivorEvent.Sequence };
        Assert.Equal(everyEventNewestFirst, (await PersonTimelineAsync(TestData.Johan)).Select(e => e.Sequence));
        Assert.Equal(everyEventNewestFirst, (await PersonTimelineAsync(TestData.Anna)).Select(e => e.Sequence));
        Assert.Equal(
            [
                new CaseRelation(survivorId, other.Id, CaseRelationKind.ForwardedTo, "vb-1", mergedEvent.Sequence),
                new CaseRelation(other.Id, survivorId, CaseRelationKind.ReferredTo, "remiss-1", mergedLater.Sequence),
            ],
            await Store.Links.GetRelationsAsync(survivorId, Ct));
        Assert.Empty(await Store.Links.GetRelationsAsync(mergedId, Ct));
    }

    [Fact]
    public async Task Merge_SurvivorKeepsItsFieldsAndTakesTheMergedCasesWhereItHasNone()
    {
        var survivor = await UpsertCommittedAsync(Upsert(
            5, new CaseRef { SourceSystem = TestData.EdpFuture, SourceCaseId = "S", CaseNumber = "S-1", Title = "Bygglov, Tallbacken 3" }, TestData.March2, DataClassification.Internal));
        var mergedRef = new CaseRef
        {
            SourceSystem = TestData.Platina,
            SourceCaseId = "M",
            CaseNumber = "M-1",
            MainCaseNumber = "BMN 2026/1",
            Diarienummer = new Diarienummer("BMN 2026/9", "BMN", 2026, 9),
            Title = "Ärende i Platina",
            CaseType = "bygglov",
            Authority = TestData.ByggOchMiljonamnden,
            Unit = TestData.Bygglovsenheten,
            Status = CaseStatus.Closed,
            SourceStatus = "Avslutat",
        };
        await UpsertCommittedAsync(Upsert(3, mergedRef, TestData.March2.AddDays(-1), DataClassification.Restricted));
        var merged = await UpsertCommittedAsync(Upsert(9, TestData.KeyOnly(mergedRef), TestData.March2.AddDays(4), DataClassification.Public));

        await MergeCommittedAsync(survivor.Id, merged.Id);

        Assert.Equal(
            survivor with
            {
                MainCaseNumber = "BMN 2026/1",
                Diarienummer = mergedRef.Diarienummer,
                CaseType = "bygglov",
                Authority = TestData.ByggOchMiljonamnden,
                Unit = TestData.Bygglovsenheten,
                Status = CaseStatus.Closed,
                SourceStatus = "Avslutat",
                Classification = DataClassification.Restricted,
                OpenedAt = TestData.March2.AddDays(-1),
                UpdatedAt = TestData.March2.AddDays(4),
                LastSequence = 9,
            },
            await Store.GetCaseAsync(survivor.Id, Ct));
        Assert.Equal(merged with { MergedInto = survivor.Id }, await Store.GetCaseAsync(merged.Id, Ct));
    }

    [Fact]
    public async Task Merge_TombstoneIsReadByIdButNeverFound()
    {
        var survivor = await CaseAsync("S", caseNumber: "S-1");
        var merged = await CaseAsync("M", caseNumber: "M-1", diarienummer: new Diarienummer("BMN 2026/9"));

        await MergeCommittedAsync(survivor.Id, merged.Id);

        Assert.Equal(survivor.Id, (await Store.GetCaseAsync(merged.Id, Ct))!.MergedInto);
        Assert.Null((await Store.GetCaseAsync(survivor.Id, Ct))!.MergedInto);
        Assert.Empty(await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, CaseNumber = "M-1" }, Ct));
        Assert.Equal(
            [survivor.Id],
            (await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, SourceSystem = TestData.EdpFuture, SourceCaseId = "M" }, Ct)).Select(c => c.Id));
        Assert.Equal(
            [survivor.Id],
            (await Store.FindCasesAsync(new CaseQuery { Municipality = TestData.Sundsvall, Diarienummer = "BMN 2026/9" }, Ct)).Select(c => c.Id));
    }

    [Fact]
    public async Task Merge_LaterEventOfTheMergedSourceId_UpdatesTheSurvivor()
    {
        var survivor = await CaseAsync("S");
        var merged = await CaseAsync("M");
        await MergeCommittedAsync(survivor.Id, merged.Id);

        var updated = await UpsertCommittedAsync(Upsert(
            50, new CaseRef { SourceSystem = TestData.EdpFuture, SourceCaseId = "M", SourceStatus = "Beslutad" }, TestData.March2.AddDays(9), DataClassification.Internal));

        Assert.Equal(survivor.Id, updated.Id);
        Assert.Equal("Beslutad", updated.SourceStatus);
        Assert.Equal(merged with { MergedInto = survivor.Id }, await Store.GetCaseAsync(merged.Id, Ct));
    }

    [Fact]
    public async Task Merge_RelationsBetweenTheTwoAreDroppedAndDuplicatesCollapse()
    {
        var (survivor, merged, other) = (await CaseAsync("S"), await CaseAsync("M"), await CaseAsync("O"));
        var survivorsOwn = new CaseRelation(survivor.Id, other.Id, CaseRelationKind.AssignedTo, "uppdrag-1", 1);
        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Links.AddRelationAsync(new CaseRelation(survivor.Id, merged.Id, CaseRelationKind.ForwardedTo, null, 2), Ct);
            await session.Links.AddRelationAsync(new CaseRelation(merged.Id, survivor.Id, CaseRelationKind.ReferredTo, null, 3), Ct);
            await session.Links.AddRelationAsync(survivorsOwn, Ct);
            await session.Links.AddRelationAsync(new CaseRelation(merged.Id, other.Id, CaseRelationKind.AssignedTo, "uppdrag-2", 4), Ct);
            await session.CommitAsync(Ct);
        }

        await MergeCommittedAsync(survivor.Id, merged.Id);

        Assert.Equal([survivorsOwn], await Store.Links.GetRelationsAsync(survivor.Id, Ct));
        Assert.Equal([survivorsOwn], await Store.Links.GetRelationsAsync(other.Id, Ct));
    }

    [Fact]
    public async Task Merge_CasesInDifferentMunicipalities_ThrowsArgumentExceptionAndChangesNothing()
    {
        var sundsvall = await CaseAsync("S");
        var timra = await CaseAsync("T", TestData.Timra);

        await using (var session = await Store.BeginAsync(Ct))
        {
            await Assert.ThrowsAsync<ArgumentException>(() => session.Links.MergeCasesAsync(sundsvall.Id, timra.Id, Ct));
        }

        Assert.Null((await Store.GetCaseAsync(timra.Id, Ct))!.MergedInto);
    }

    [Fact]
    public async Task Merge_SameCaseOrACaseAlreadyMerged_ThrowsInvalidOperation()
    {
        var (first, second, third) = (await CaseAsync("A"), await CaseAsync("B"), await CaseAsync("C"));
        await MergeCommittedAsync(first.Id, second.Id);

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.Links.MergeCasesAsync(first.Id, first.Id, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.Links.MergeCasesAsync(third.Id, second.Id, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.Links.MergeCasesAsync(second.Id, third.Id, Ct));
    }

    [Fact]
    public async Task Merge_UnknownCase_ThrowsKeyNotFound()
    {
        var known = await CaseAsync("A");

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Links.MergeCasesAsync(known.Id, Guid.CreateVersion7(), Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Links.MergeCasesAsync(Guid.CreateVersion7(), known.Id, Ct));
    }

    // ---------------------------------------------------------------- 4. sub-cases

    [Fact]
    public async Task SubCases_AreLiveCasesOfTheMunicipalityWhoseMainCaseNumberIsThisCasesNumberOrDiarienummer()
    {
        var tree = await SubCaseTreeAsync();

        var subCases = await Store.Links.GetSubCasesAsync(tree.Main.Case.Id, Ct);

        Assert.Equal(new[] { tree.ByCaseNumber.Case.Id, tree.ByDiarienummer.Case.Id }.Order(), subCases.Select(c => c.Id).Order());
        Assert.Equal([tree.OfSubCase.Case.Id], (await Store.Links.GetSubCasesAsync(tree.ByCaseNumber.Case.Id, Ct)).Select(c => c.Id));
        Assert.Empty(await Store.Links.GetSubCasesAsync(tree.OfSubCase.Case.Id, Ct));
        Assert.Empty(await Store.Links.GetSubCasesAsync(Guid.CreateVersion7(), Ct));
    }

    [Fact]
    public async Task TimelineWithSubCases_HoldsTheEventsOfEverySubCaseRecursivelyOldestFirst()
    {
        var tree = await SubCaseTreeAsync();

        var timeline = await Store.Links.GetTimelineWithSubCasesAsync(tree.Main.Case.Id, Ct);

        var expected = new[] { tree.Main, tree.ByCaseNumber, tree.ByDiarienummer, tree.OfSubCase, tree.MergedIntoSubCase, tree.MainAgain }
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).Select(e => e.Sequence);
        Assert.Equal(expected, timeline.Select(e => e.Sequence));
        Assert.Equal(
            [tree.ByCaseNumber.Sequence, tree.OfSubCase.Sequence],
            (await Store.Links.GetTimelineWithSubCasesAsync(tree.ByCaseNumber.Case.Id, Ct)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task TimelineWithSubCases_CycleOfMainCaseNumbers_EndsAndHoldsEachEventOnce()
    {
        var x = await IngestAsync(new CaseEventBuilder().ForCase(CaseRefOf(TestData.EdpFuture, "X", "X-1", "Y-1")).OccurredAt(TestData.March2).Build());
        var y = await IngestAsync(new CaseEventBuilder().ForCase(CaseRefOf(TestData.EdpFuture, "Y", "Y-1", "X-1")).OccurredAt(TestData.March2.AddDays(1)).Build());
        var self = await IngestAsync(new CaseEventBuilder().ForCase(CaseRefOf(TestData.EdpFuture, "Z", "Z-1", "Z-1")).Build());

        Assert.Equal([y.Case.Id], (await Store.Links.GetSubCasesAsync(x.Case.Id, Ct)).Select(c => c.Id));
        Assert.Empty(await Store.Links.GetSubCasesAsync(self.Case.Id, Ct));
        Assert.Equal([x.Sequence, y.Sequence], (await Store.Links.GetTimelineWithSubCasesAsync(x.Case.Id, Ct)).Select(e => e.Sequence));
        Assert.Equal([x.Sequence, y.Sequence], (await Store.Links.GetTimelineWithSubCasesAsync(y.Case.Id, Ct)).Select(e => e.Sequence));
        Assert.Equal([self.Sequence], (await Store.Links.GetTimelineWithSubCasesAsync(self.Case.Id, Ct)).Select(e => e.Sequence));
    }

    // ---------------------------------------------------------------- 5. collaborations

    [Fact]
    public async Task EventsByCollaboration_ReturnsTheMunicipalitysEventsWithThoseIdsOldestFirst()
    {
        var answer = await AppendCommittedAsync(new CaseEventBuilder().InCollaboration("remiss-1").OccurredAt(TestData.March2.AddDays(3)).Build());
        var request = await AppendCommittedAsync(new CaseEventBuilder().InCollaboration("remiss-1").OccurredAt(TestData.March2).Build());
        var assignment = await AppendCommittedAsync(new CaseEventBuilder().InCollaboration("uppdrag-2", CollaborationKind.Uppdragsgivning).OccurredAt(TestData.March2.AddDays(1)).Build());
        await AppendCommittedAsync(new CaseEventBuilder().InCollaboration("remiss-3").Build());
        await AppendCommittedAsync(new CaseEventBuilder().Build());
        var timra = await AppendCommittedAsync(new CaseEventBuilder().InCollaboration("remiss-1").InMunicipality(TestData.Timra).Build());

        var found = await Store.Links.GetEventsByCollaborationAsync(TestData.Sundsvall, ["remiss-1", "uppdrag-2", "okänd"], Ct);

        Assert.Equal([request.Sequence, assignment.Sequence, answer.Sequence], found.Select(e => e.Sequence));
        Assert.Equal("remiss-1", found[0].Event.Data.Collaboration?.CollaborationId);
        Assert.Equal([timra.Sequence], (await Store.Links.GetEventsByCollaborationAsync(TestData.Timra, ["remiss-1"], Ct)).Select(e => e.Sequence));
        Assert.Empty(await Store.Links.GetEventsByCollaborationAsync(TestData.Sundsvall, [], Ct));
    }

    // ---------------------------------------------------------------- 6. migration of version-1 data

    [Fact]
    public async Task Migrate_Version2OnADatabaseWithVersion1Data_BackfillsSourceIdsAndCollaborationIds()
    {
        await using var fresh = CreateDatabase();
        await fresh.MigrateFirstScriptOnlyAsync(Ct);
        var caseId = Guid.CreateVersion7();
        var caseEvent = new CaseEventBuilder().InCollaboration("remiss-2026-17").Build();
        var sequence = await fresh.SeedVersion1CaseAsync(caseEvent, caseId, Ct);
        var withoutCollaboration = await fresh.SeedVersion1CaseAsync(new CaseEventBuilder().ForCase(TestData.Forskoleplats()).Build(), Guid.CreateVersion7(), Ct);

        var store = fresh.OpenStore();
        await store.MigrateAsync(Ct);

        var link = Assert.Single(await store.Links.GetSourceIdsAsync(caseId, Ct));
        Assert.Equal((TestData.EdpFuture, "BL-2026-0042", "event"), (link.SourceSystem, link.SourceCaseId, link.Via));
        Assert.Equal([sequence], (await store.Links.GetEventsByCollaborationAsync(TestData.Sundsvall, ["remiss-2026-17"], Ct)).Select(e => e.Sequence));
        var stored = await store.GetEventAsync(sequence, Ct);
        Assert.Equal(caseId, stored!.CaseId);
        Assert.Null(stored.Registration);
        AssertSameEvent(caseEvent, stored.Event);
        Assert.NotNull(await store.GetEventAsync(withoutCollaboration, Ct));
        Assert.Null((await store.GetCaseAsync(caseId, Ct))!.MergedInto);
        await using var session = await store.BeginAsync(Ct);
        Assert.Equal(caseId, await session.Links.FindCaseBySourceAsync(TestData.Sundsvall, TestData.EdpFuture, "BL-2026-0042", Ct));
        var updated = await session.UpsertCaseAsync(Upsert(sequence + 10, TestData.KeyOnly(TestData.Bygglov()) with { SourceStatus = "Beslutad" }, TestData.March2.AddDays(1), DataClassification.Internal), Ct);
        Assert.Equal(caseId, updated.Id);
        Assert.Equal("Beslutad", updated.SourceStatus);
    }

    // ---------------------------------------------------------------- helpers

    private static CaseRef CaseRefOf(string sourceSystem, string sourceCaseId, string? caseNumber = null, string? mainCaseNumber = null, Diarienummer? diarienummer = null) => new()
    {
        SourceSystem = sourceSystem,
        SourceCaseId = sourceCaseId,
        CaseNumber = caseNumber,
        MainCaseNumber = mainCaseNumber,
        Diarienummer = diarienummer,
        Title = $"Ärende {sourceCaseId}",
    };

    /// <summary>A case from EDP Future with only the given numbers, opened on 2 March.</summary>
    private Task<CaseRecord> CaseAsync(string sourceCaseId, string municipality = TestData.Sundsvall, string? caseNumber = null, Diarienummer? diarienummer = null) =>
        UpsertCommittedAsync(Upsert(1, CaseRefOf(TestData.EdpFuture, sourceCaseId, caseNumber, null, diarienummer), TestData.March2, DataClassification.Internal) with
        {
            Municipality = municipality,
        });

    private async Task LinkCommittedAsync(Guid caseId, string sourceSystem, string sourceCaseId)
    {
        await using var session = await Store.BeginAsync(Ct);
        Assert.Equal(LinkStatus.Linked, (await session.Links.LinkSourceAsync(caseId, sourceSystem, sourceCaseId, "api", Ct)).Status);
        await session.CommitAsync(Ct);
    }

    private async Task MergeCommittedAsync(Guid survivorCaseId, Guid mergedCaseId)
    {
        await using var session = await Store.BeginAsync(Ct);
        await session.Links.MergeCasesAsync(survivorCaseId, mergedCaseId, Ct);
        await session.CommitAsync(Ct);
    }

    private async Task<Guid?> FindCaseBySourceAsync(string municipality, string sourceSystem, string sourceCaseId)
    {
        await using var session = await Store.BeginAsync(Ct);
        return await session.Links.FindCaseBySourceAsync(municipality, sourceSystem, sourceCaseId, Ct);
    }

    private Task<IReadOnlyList<StoredEvent>> PersonTimelineAsync(TestPerson person) =>
        Store.GetPersonTimelineAsync(TestData.Sundsvall, person.Identity, new TimelinePage(0, 50), Ct);

    /// <summary>
    /// A main case (ärendenummer HUV-1, diarienummer BMN 2026/1) with a sub-case naming its ärendenummer,
    /// one naming its diarienummer (into which another case was merged) and a sub-case of the first
    /// sub-case; plus cases that must stay out: one in Timrå and the merged tombstone naming HUV-1, an unrelated one.
    /// </summary>
    private async Task<SubCaseTree> SubCaseTreeAsync()
    {
        var mainRef = CaseRefOf(TestData.EdpFuture, "HUV", "HUV-1", null, new Diarienummer("BMN 2026/1", "BMN", 2026, 1));
        var main = await IngestEventAsync(mainRef, TestData.March2);
        var byCaseNumber = await IngestEventAsync(CaseRefOf(TestData.Platina, "DEL-A", "DEL-A", "HUV-1"), TestData.March2.AddDays(2));
        var byDiarienummer = await IngestEventAsync(CaseRefOf(TestData.EdpFuture, "DEL-B", "DEL-B", "BMN 2026/1"), TestData.March2.AddDays(1));
        var ofSubCase = await IngestEventAsync(CaseRefOf(TestData.EdpFuture, "DEL-C", "DEL-C", "DEL-A"), TestData.March2.AddDays(3));
        var mergedIntoSubCase = await IngestEventAsync(CaseRefOf(TestData.EdpFuture, "DEL-E", "DEL-E", "HUV-1"), TestData.March2.AddDays(1));
        var mainAgain = await IngestEventAsync(TestData.KeyOnly(mainRef), TestData.March2.AddDays(1));
        await IngestEventAsync(CaseRefOf(TestData.EdpFuture, "DEL-T", "DEL-T", "HUV-1"), TestData.March2, TestData.Timra);
        await IngestEventAsync(CaseRefOf(TestData.EdpFuture, "ANNAT", "ANNAT-1", "ANNAT-0"), TestData.March2);
        await MergeCommittedAsync(byDiarienummer.Case.Id, mergedIntoSubCase.Case.Id);
        return new SubCaseTree(main, byCaseNumber, byDiarienummer, ofSubCase, mergedIntoSubCase, mainAgain);
    }

    private async Task<IngestedEvent> IngestEventAsync(CaseRef caseRef, DateTimeOffset occurredAt, string municipality = TestData.Sundsvall)
    {
        var (sequence, record) = await IngestAsync(new CaseEventBuilder().ForCase(caseRef).InMunicipality(municipality).OccurredAt(occurredAt).Build());
        return new IngestedEvent(sequence, record, occurredAt);
    }

    private sealed record IngestedEvent(long Sequence, CaseRecord Case, DateTimeOffset OccurredAt);

    private sealed record SubCaseTree(
        IngestedEvent Main, IngestedEvent ByCaseNumber, IngestedEvent ByDiarienummer, IngestedEvent OfSubCase, IngestedEvent MergedIntoSubCase, IngestedEvent MainAgain);
}
