using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;
using IntegrationHub.Store.Tests.Support;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>
/// The hub diary every <see cref="IHubStore"/> must keep (OSL 5 kap.): gap-free numbers, registrations
/// that are corrected and annulled but never deleted, and a search that never reveals withheld text.
/// </summary>
public abstract class DiaryContract : StoreContractBase
{
    private static readonly DateOnly s_march2 = new(2026, 3, 2);

    // ---------------------------------------------------------------- 1. running numbers

    [Fact]
    public async Task NextRunningNumber_FortyParallelSessions_HandOutOneToFortyWithoutGapsOrDuplicates()
    {
        var cases = await CasesAsync(40);

        var numbers = await Task.WhenAll(cases.Select(record => Task.Run(async () =>
        {
            await using var session = await Store.BeginAsync(Ct);
            var number = await session.Diary.NextRunningNumberAsync(TestData.Sundsvall, "KS", 2026, Ct);
            await session.Diary.InsertAsync(CaseRegistration(record, "KS", 2026, number), Ct);
            await session.CommitAsync(Ct);
            return number;
        }, Ct)));

        Assert.Equal(Enumerable.Range(1, 40), numbers.Order());
        var registered = await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall, Diary = "KS" }, Ct);
        Assert.Equal(Enumerable.Range(1, 40), registered.Select(r => r.RunningNumber).Order());
        Assert.Equal(40, registered.Select(r => r.CaseId).Distinct().Count());
    }

    [Fact]
    public async Task NextRunningNumber_SessionRolledBack_GivesTheNumberBack()
    {
        var record = (await CasesAsync(1))[0];
        await using (var rolledBack = await Store.BeginAsync(Ct))
        {
            Assert.Equal(1, await rolledBack.Diary.NextRunningNumberAsync(TestData.Sundsvall, "KS", 2026, Ct));
            await rolledBack.Diary.InsertAsync(CaseRegistration(record, "KS", 2026, 1), Ct);
        }

        Assert.Equal(1, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));
        Assert.Equal(2, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));
        Assert.Empty(await Store.Diary.GetCaseRegistrationsAsync(record.Id, Ct));
    }

    [Fact]
    public async Task NextRunningNumber_NewYear_StartsAtOne()
    {
        Assert.Equal(1, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));
        Assert.Equal(2, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));

        Assert.Equal(1, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2027));
        Assert.Equal(3, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));
    }

    [Fact]
    public async Task NextRunningNumber_EachDiaryAndMunicipalityCountsOnItsOwn()
    {
        Assert.Equal(1, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));
        Assert.Equal(2, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));

        Assert.Equal(1, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "BMN", 2026));
        Assert.Equal(1, await NextRunningNumberCommittedAsync(TestData.Timra, "KS", 2026));
        Assert.Equal(3, await NextRunningNumberCommittedAsync(TestData.Sundsvall, "KS", 2026));
        Assert.Equal(2, await NextRunningNumberCommittedAsync(TestData.Timra, "KS", 2026));
    }

    // ---------------------------------------------------------------- 2. document numbers

    [Fact]
    public async Task NextDocumentNumber_CountsOneToNPerCase()
    {
        var cases = await CasesAsync(2);

        await using var session = await Store.BeginAsync(Ct);
        Assert.Equal(1, await session.Diary.NextDocumentNumberAsync(cases[0].Id, Ct));
        Assert.Equal(2, await session.Diary.NextDocumentNumberAsync(cases[0].Id, Ct));
        Assert.Equal(1, await session.Diary.NextDocumentNumberAsync(cases[1].Id, Ct));
        Assert.Equal(3, await session.Diary.NextDocumentNumberAsync(cases[0].Id, Ct));
    }

    [Fact]
    public async Task NextDocumentNumber_TwentyParallelSessions_HandOutOneToTwentyWithoutGapsOrDuplicates()
    {
        var record = (await CasesAsync(1))[0];
        var caseRegistration = CaseRegistration(record, "BMN", 2026, 42);
        await InsertCommittedAsync(caseRegistration);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var session = await Store.BeginAsync(Ct);
            var number = await session.Diary.NextDocumentNumberAsync(record.Id, Ct);
            await session.Diary.InsertAsync(Document(caseRegistration, number), Ct);
            await session.CommitAsync(Ct);
            return number;
        }, Ct)));

        Assert.Equal(Enumerable.Range(1, 20), numbers.Order());
        var registrations = await Store.Diary.GetCaseRegistrationsAsync(record.Id, Ct);
        Assert.Equal([null, .. Enumerable.Range(1, 20).Select(n => (int?)n)], registrations.Select(r => r.DocumentNumber));
    }

    [Fact]
    public async Task NextDocumentNumber_SessionRolledBack_GivesTheNumberBack()
    {
        var record = (await CasesAsync(1))[0];
        await using (var rolledBack = await Store.BeginAsync(Ct))
        {
            Assert.Equal(1, await rolledBack.Diary.NextDocumentNumberAsync(record.Id, Ct));
        }

        await using var session = await Store.BeginAsync(Ct);
        Assert.Equal(1, await session.Diary.NextDocumentNumberAsync(record.Id, Ct));
    }

    [Fact]
    public async Task NextDocumentNumber_UnknownCase_ThrowsKeyNotFound()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Diary.NextDocumentNumberAsync(Guid.CreateVersion7(), Ct));
    }

    // ---------------------------------------------------------------- 3. registrations

    [Fact]
    public async Task Insert_ThenRead_ReturnsEveryFieldAsWritten()
    {
        var (sequence, record) = await IngestAsync(new CaseEventBuilder().WithDocumentAndDecision().Build());
        var caseRegistration = CaseRegistration(record, "BMN", 2026, 42);
        var document = Document(caseRegistration, 1) with
        {
            EventSequence = sequence,
            Direction = DocumentDirection.Sent,
            DocumentType = "beslut",
            Restriction = new RegistrationRestriction(
                RestrictionType.Sekretess, "OSL 26 kap. 1 §", "Uppgifter om enskildas personliga förhållanden", TestData.March2.AddHours(2), "Registrator Eva Nord"),
        };

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.InsertAsync(caseRegistration, Ct);
            await session.Diary.InsertAsync(document, Ct);
            Assert.Equal(caseRegistration, await session.Diary.FindCaseRegistrationAsync(record.Id, Ct));
            Assert.Equal(document, await session.Diary.FindByEventAsync(sequence, Ct));
            await session.CommitAsync(Ct);
        }

        Assert.Equal(caseRegistration, await Store.Diary.GetRegistrationAsync(caseRegistration.Id, Ct));
        Assert.Equal(document, await Store.Diary.GetRegistrationAsync(document.Id, Ct));
        Assert.Empty(await Store.Diary.GetHistoryAsync(document.Id, Ct));
    }

    [Fact]
    public async Task Find_NothingRegisteredYet_ReturnsNull()
    {
        var (sequence, record) = await IngestAsync(new CaseEventBuilder().Build());

        await using var session = await Store.BeginAsync(Ct);
        Assert.Null(await session.Diary.FindCaseRegistrationAsync(record.Id, Ct));
        Assert.Null(await session.Diary.FindByEventAsync(sequence, Ct));
        Assert.Null(await Store.Diary.GetRegistrationAsync(Guid.CreateVersion7(), Ct));
    }

    [Fact]
    public async Task Insert_SecondCaseRegistrationOfACase_IsRefused()
    {
        var record = (await CasesAsync(1))[0];
        await InsertCommittedAsync(CaseRegistration(record, "BMN", 2026, 1));

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.Diary.InsertAsync(CaseRegistration(record, "BMN", 2026, 2), Ct));
    }

    [Fact]
    public async Task Insert_NumberAlreadyUsedInTheDiary_IsRefused()
    {
        var cases = await CasesAsync(2);
        var first = CaseRegistration(cases[0], "BMN", 2026, 1);
        await InsertCommittedAsync(first, Document(first, 1));

        await using (var session = await Store.BeginAsync(Ct))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.Diary.InsertAsync(CaseRegistration(cases[1], "BMN", 2026, 1), Ct));
        }

        await using (var session = await Store.BeginAsync(Ct))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.Diary.InsertAsync(Document(first, 1), Ct));
        }
    }

    [Fact]
    public async Task Insert_SecondRegistrationOfTheSameEvent_IsRefused()
    {
        var (sequence, record) = await IngestAsync(new CaseEventBuilder().Build());
        var caseRegistration = CaseRegistration(record, "BMN", 2026, 1);
        await InsertCommittedAsync(caseRegistration, Document(caseRegistration, 1) with { EventSequence = sequence });

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => session.Diary.InsertAsync(Document(caseRegistration, 2) with { EventSequence = sequence }, Ct));
    }

    [Fact]
    public async Task Insert_NotANewActiveRegistrationOrKindAndDocumentNumberDisagree_ThrowsArgumentException()
    {
        var record = (await CasesAsync(1))[0];
        var valid = CaseRegistration(record, "BMN", 2026, 1);

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => session.Diary.InsertAsync(valid with { Version = 2 }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => session.Diary.InsertAsync(valid with { Status = RegistrationStatus.Annulled }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => session.Diary.InsertAsync(valid with { DocumentNumber = 1 }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => session.Diary.InsertAsync(valid with { Kind = RegistrationKind.Document }, Ct));
    }

    [Fact]
    public async Task GetCaseRegistrations_CaseRegistrationFirstThenByDocumentNumber()
    {
        var cases = await CasesAsync(2);
        var caseRegistration = CaseRegistration(cases[0], "BMN", 2026, 1);
        await InsertCommittedAsync(Document(caseRegistration, 3), Document(caseRegistration, 1), caseRegistration, Document(caseRegistration, 2));
        await InsertCommittedAsync(CaseRegistration(cases[1], "BMN", 2026, 2));

        var registrations = await Store.Diary.GetCaseRegistrationsAsync(cases[0].Id, Ct);

        Assert.Equal([null, 1, 2, 3], registrations.Select(r => r.DocumentNumber));
        Assert.Equal(RegistrationKind.Case, registrations[0].Kind);
        Assert.All(registrations, r => Assert.Equal(cases[0].Id, r.CaseId));
    }

    // ---------------------------------------------------------------- 4. corrections and annulments

    [Fact]
    public async Task Correct_ChangesOnlyTheGivenFieldsAndKeepsTheStateBeforeWithWhoWhyAndWhen()
    {
        var record = (await CasesAsync(1))[0];
        var original = Document(CaseRegistration(record, "BMN", 2026, 1), 1);
        await InsertCommittedAsync(original);
        var correctedAt = TestData.March2.AddDays(1);

        Registration corrected;
        await using (var session = await Store.BeginAsync(Ct))
        {
            corrected = await session.Diary.CorrectAsync(
                original.Id,
                new RegistrationCorrection { Correspondent = "Anna Lindqvist, Tallbacken 3", DocumentDate = s_march2.AddDays(-1) },
                "registrator.eva", "Fel avsändare angiven", correctedAt, Ct);
            await session.CommitAsync(Ct);
        }

        var expected = original with { Correspondent = "Anna Lindqvist, Tallbacken 3", DocumentDate = s_march2.AddDays(-1), Version = 2 };
        Assert.Equal(expected, corrected);
        Assert.Equal(expected, await Store.Diary.GetRegistrationAsync(original.Id, Ct));
        var change = Assert.Single(await Store.Diary.GetHistoryAsync(original.Id, Ct));
        Assert.Equal(new RegistrationChange(original.Id, 1, correctedAt, "registrator.eva", "Fel avsändare angiven", original), change);
    }

    [Fact]
    public async Task Correct_Twice_HistoryHoldsEveryEarlierVersionOldestFirst()
    {
        var record = (await CasesAsync(1))[0];
        var original = Document(CaseRegistration(record, "BMN", 2026, 1), 1);
        await InsertCommittedAsync(original);

        var second = await CorrectCommittedAsync(original.Id, new RegistrationCorrection { Description = "Ansökan om bygglov, komplettering" }, TestData.March2.AddDays(1));
        var third = await CorrectCommittedAsync(original.Id, new RegistrationCorrection { DocumentType = "komplettering" }, TestData.March2.AddDays(2));

        Assert.Equal(3, third.Version);
        Assert.Equal("Ansökan om bygglov, komplettering", third.Description);
        Assert.Equal("komplettering", third.DocumentType);
        var history = await Store.Diary.GetHistoryAsync(original.Id, Ct);
        Assert.Equal([original, second], history.Select(h => h.Before));
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal([TestData.March2.AddDays(1), TestData.March2.AddDays(2)], history.Select(h => h.ChangedAt));
    }

    [Fact]
    public async Task Correct_RestrictionSetThenRemoved_EachTimeKeepsTheRestrictionBefore()
    {
        var record = (await CasesAsync(1))[0];
        var original = Document(CaseRegistration(record, "SN", 2026, 1), 1);
        await InsertCommittedAsync(original);
        var restriction = new RegistrationRestriction(RestrictionType.Sekretess, "OSL 26 kap. 1 §", null, TestData.March2, "registrator.eva");

        var marked = await CorrectCommittedAsync(original.Id, new RegistrationCorrection { Restriction = restriction }, TestData.March2.AddHours(1));
        var unmarked = await CorrectCommittedAsync(original.Id, new RegistrationCorrection { RemoveRestriction = true }, TestData.March2.AddHours(2));

        Assert.Equal(restriction, marked.Restriction);
        Assert.Null(unmarked.Restriction);
        Assert.Equal(original with { Version = 3 }, await Store.Diary.GetRegistrationAsync(original.Id, Ct));
        Assert.Equal([null, restriction], (await Store.Diary.GetHistoryAsync(original.Id, Ct)).Select(h => h.Before.Restriction));
    }

    [Fact]
    public async Task Correct_SettingAndRemovingTheRestrictionAtOnce_ThrowsArgumentException()
    {
        var record = (await CasesAsync(1))[0];
        var original = CaseRegistration(record, "SN", 2026, 1);
        await InsertCommittedAsync(original);
        var both = new RegistrationCorrection { RemoveRestriction = true, Restriction = new RegistrationRestriction(RestrictionType.Integritet, null, null, null, null) };

        await using var session = await Store.BeginAsync(Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => session.Diary.CorrectAsync(original.Id, both, "registrator.eva", "Test", TestData.March2, Ct));
    }

    [Fact]
    public async Task Annul_MarksItAnnulledWithTheReasonKeepsTheHistoryAndItStaysListed()
    {
        var record = (await CasesAsync(1))[0];
        var caseRegistration = CaseRegistration(record, "BMN", 2026, 1);
        var document = Document(caseRegistration, 1);
        await InsertCommittedAsync(caseRegistration, document);
        var annulledAt = TestData.March2.AddDays(3);

        Registration annulled;
        await using (var session = await Store.BeginAsync(Ct))
        {
            annulled = await session.Diary.AnnulAsync(document.Id, "Handling av ringa betydelse", "registrator.eva", annulledAt, Ct);
            await session.CommitAsync(Ct);
        }

        var expected = document with { Status = RegistrationStatus.Annulled, AnnulmentReason = "Handling av ringa betydelse", Version = 2 };
        Assert.Equal(expected, annulled);
        Assert.Equal(expected, await Store.Diary.GetRegistrationAsync(document.Id, Ct));
        Assert.Equal(
            new RegistrationChange(document.Id, 1, annulledAt, "registrator.eva", "Handling av ringa betydelse", document),
            Assert.Single(await Store.Diary.GetHistoryAsync(document.Id, Ct)));
        Assert.Contains(expected, await Store.Diary.GetCaseRegistrationsAsync(record.Id, Ct));
        Assert.Contains(expected, await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall }, Ct));
    }

    [Fact]
    public async Task Annul_Twice_IsRefusedAndChangesNothing()
    {
        var record = (await CasesAsync(1))[0];
        var registration = CaseRegistration(record, "BMN", 2026, 1);
        await InsertCommittedAsync(registration);
        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.AnnulAsync(registration.Id, "Felregistrering", "registrator.eva", TestData.March2, Ct);
            await session.CommitAsync(Ct);
        }

        await using (var session = await Store.BeginAsync(Ct))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(
                () => session.Diary.AnnulAsync(registration.Id, "Igen", "registrator.eva", TestData.March2.AddDays(1), Ct));
        }

        Assert.Equal(2, (await Store.Diary.GetRegistrationAsync(registration.Id, Ct))!.Version);
        Assert.Single(await Store.Diary.GetHistoryAsync(registration.Id, Ct));
    }

    [Fact]
    public async Task Correct_AnnulledRegistration_IsRefusedAndChangesNothing()
    {
        var record = (await CasesAsync(1))[0];
        var registration = CaseRegistration(record, "BMN", 2026, 1);
        await InsertCommittedAsync(registration);
        Registration annulled;
        await using (var session = await Store.BeginAsync(Ct))
        {
            annulled = await session.Diary.AnnulAsync(registration.Id, "Felregistrering", "registrator.eva", TestData.March2, Ct);
            await session.CommitAsync(Ct);
        }

        await using (var session = await Store.BeginAsync(Ct))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.Diary.CorrectAsync(
                registration.Id, new RegistrationCorrection { Description = "Ny beskrivning" }, "registrator.eva", "Rättelse", TestData.March2.AddDays(1), Ct));
        }

        Assert.Equal(annulled, await Store.Diary.GetRegistrationAsync(registration.Id, Ct));
    }

    [Fact]
    public async Task CorrectAndAnnul_UnknownRegistration_ThrowKeyNotFound()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Diary.CorrectAsync(
            Guid.CreateVersion7(), new RegistrationCorrection { Description = "x" }, "registrator.eva", "Rättelse", TestData.March2, Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Diary.AnnulAsync(
            Guid.CreateVersion7(), "Felregistrering", "registrator.eva", TestData.March2, Ct));
    }

    [Fact]
    public async Task Correct_InSessionDisposedWithoutCommit_LeavesRegistrationAndHistoryAsTheyWere()
    {
        var record = (await CasesAsync(1))[0];
        var registration = CaseRegistration(record, "BMN", 2026, 1);
        await InsertCommittedAsync(registration);

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.CorrectAsync(
                registration.Id, new RegistrationCorrection { Description = "Ändrad" }, "registrator.eva", "Rättelse", TestData.March2, Ct);
        }

        Assert.Equal(registration, await Store.Diary.GetRegistrationAsync(registration.Id, Ct));
        Assert.Empty(await Store.Diary.GetHistoryAsync(registration.Id, Ct));
    }

    // ---------------------------------------------------------------- 5. search

    [Fact]
    public async Task Search_RestrictedRegistration_IsNotFoundByWithheldTextButIsFoundByItsDiarienummer()
    {
        var cases = await CasesAsync(2);
        var restricted = CaseRegistration(cases[0], "SN", 2026, 7) with
        {
            Description = "Orosanmälan gällande barn på Solrosens förskola",
            Correspondent = "Johan Berg",
            Restriction = new RegistrationRestriction(RestrictionType.Sekretess, "OSL 26 kap. 1 §", null, TestData.March2, "registrator.eva"),
        };
        var open = CaseRegistration(cases[1], "SN", 2026, 8) with { Description = "Ansökan om plats på Solrosens förskola", Correspondent = "Anna Lindqvist" };
        await InsertCommittedAsync(restricted, open);

        Assert.Equal([open.Id], (await SearchTextAsync("Solrosens")).Select(r => r.Id));
        Assert.Empty(await SearchTextAsync("Orosanmälan"));
        Assert.Empty(await SearchTextAsync("Johan Berg"));
        Assert.Equal([open.Id], (await SearchTextAsync("Anna")).Select(r => r.Id));
        Assert.Equal([restricted.Id], (await SearchTextAsync("SN 2026/7")).Select(r => r.Id));
    }

    [Fact]
    public async Task Search_RestrictionAddedOrRemovedByCorrection_ChangesWhatTheTextFinds()
    {
        var record = (await CasesAsync(1))[0];
        var registration = CaseRegistration(record, "SN", 2026, 3) with { Description = "Ansökan om försörjningsstöd", Correspondent = "Anna Lindqvist" };
        await InsertCommittedAsync(registration);
        Assert.Single(await SearchTextAsync("försörjningsstöd"));

        await CorrectCommittedAsync(
            registration.Id, new RegistrationCorrection { Restriction = new RegistrationRestriction(RestrictionType.Sekretess, "OSL 26 kap. 1 §", null, null, null) }, TestData.March2);
        Assert.Empty(await SearchTextAsync("försörjningsstöd"));
        Assert.Empty(await SearchTextAsync("Lindqvist"));
        Assert.Single(await SearchTextAsync("SN 2026/3"));

        await CorrectCommittedAsync(registration.Id, new RegistrationCorrection { RemoveRestriction = true }, TestData.March2.AddHours(1));
        Assert.Single(await SearchTextAsync("försörjningsstöd"));
    }

    [Fact]
    public async Task Search_Text_MatchesRegardlessOfCaseAlsoForSwedishLetters()
    {
        var cases = await CasesAsync(3);
        var recycling = CaseRegistration(cases[0], "KS", 2026, 1) with { Description = "Återvinningscentral vid Älvgatan – ÖVERKLAGANDE", Correspondent = "Åsa Öberg" };
        var bygglov = CaseRegistration(cases[1], "KS", 2026, 2) with { Description = "BYGGLOV för förråd", Correspondent = null };
        var other = CaseRegistration(cases[2], "KS", 2026, 3) with { Description = "Remiss om översiktsplan", Correspondent = "Länsstyrelsen" };
        await InsertCommittedAsync(recycling, bygglov, other);

        Assert.Equal([recycling.Id], (await SearchTextAsync("återvinning")).Select(r => r.Id));
        Assert.Equal([recycling.Id], (await SearchTextAsync("ÄLVGATAN")).Select(r => r.Id));
        Assert.Equal([recycling.Id], (await SearchTextAsync("överklagande")).Select(r => r.Id));
        Assert.Equal([recycling.Id], (await SearchTextAsync("åsa ö")).Select(r => r.Id));
        Assert.Equal([bygglov.Id], (await SearchTextAsync("Bygglov")).Select(r => r.Id));
        Assert.Equal([bygglov.Id], (await SearchTextAsync("FÖRRÅD")).Select(r => r.Id));
        Assert.Equal([other.Id], (await SearchTextAsync("LÄNSSTYRELSEN")).Select(r => r.Id));
        Assert.Equal([bygglov.Id], (await SearchTextAsync("ks 2026/2")).Select(r => r.Id));
        Assert.Empty(await SearchTextAsync("Öberg Remiss"));
    }

    [Fact]
    public async Task Search_DocumentDateRangeIsInclusiveAndDiaryAndMunicipalityFilter()
    {
        var cases = await CasesAsync(5);
        var march1 = CaseRegistration(cases[0], "KS", 2026, 1) with { DocumentDate = new DateOnly(2026, 3, 1) };
        var march2 = CaseRegistration(cases[1], "KS", 2026, 2) with { DocumentDate = new DateOnly(2026, 3, 2) };
        var march3 = CaseRegistration(cases[2], "BMN", 2026, 1) with { DocumentDate = new DateOnly(2026, 3, 3) };
        var march4 = CaseRegistration(cases[3], "KS", 2026, 3) with { DocumentDate = new DateOnly(2026, 3, 4) };
        var timra = CaseRegistration(cases[4], "KS", 2026, 1) with { Municipality = TestData.Timra, DocumentDate = new DateOnly(2026, 3, 2) };
        await InsertCommittedAsync(march1, march2, march3, march4, timra);

        var range = await Store.Diary.SearchAsync(
            new DiaryQuery { Municipality = TestData.Sundsvall, From = new DateOnly(2026, 3, 2), To = new DateOnly(2026, 3, 3) }, Ct);
        var ks = await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall, Diary = "KS" }, Ct);
        var fromMarch3 = await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall, From = new DateOnly(2026, 3, 3) }, Ct);
        var inTimra = await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Timra }, Ct);

        Assert.Equal([march2.Id, march3.Id], range.Select(r => r.Id));
        Assert.Equal([march1.Id, march2.Id, march4.Id], ks.Select(r => r.Id));
        Assert.Equal([march3.Id, march4.Id], fromMarch3.Select(r => r.Id));
        Assert.Equal([timra.Id], inTimra.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_OrdersByDocumentDateThenYearRunningNumberAndDocumentNumberAndPages()
    {
        var cases = await CasesAsync(3);
        var ks10 = CaseRegistration(cases[0], "KS", 2026, 10);
        var ks9 = CaseRegistration(cases[1], "KS", 2026, 9);
        var ks10Document2 = Document(ks10, 2) with { DocumentDate = s_march2 };
        var ks10Document1 = Document(ks10, 1) with { DocumentDate = s_march2 };
        var earlier = CaseRegistration(cases[2], "KS", 2025, 300) with { DocumentDate = s_march2.AddDays(-1) };
        await InsertCommittedAsync(ks10Document2, ks10, ks9, ks10Document1, earlier);

        var all = await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall }, Ct);
        var page = await Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall, Offset = 1, Limit = 2 }, Ct);

        Assert.Equal([earlier.Id, ks9.Id, ks10.Id, ks10Document1.Id, ks10Document2.Id], all.Select(r => r.Id));
        Assert.Equal([ks9.Id, ks10.Id], page.Select(r => r.Id));
    }

    // ---------------------------------------------------------------- 6. the case's diarienummer and the event's numbers

    [Fact]
    public async Task SetCaseDiarienummer_CaseWithoutOne_SetsValueAndParts()
    {
        var record = (await CasesAsync(1))[0];
        var diarienummer = new Diarienummer("BMN 2026/5", "BMN", 2026, 5);

        Diarienummer result;
        await using (var session = await Store.BeginAsync(Ct))
        {
            result = await session.Diary.SetCaseDiarienummerAsync(record.Id, diarienummer, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(diarienummer, result);
        Assert.Equal(diarienummer, (await Store.GetCaseAsync(record.Id, Ct))!.Diarienummer);
    }

    [Fact]
    public async Task SetCaseDiarienummer_CaseWithOne_NeverOverwritesItAndReturnsTheOneItHas()
    {
        var record = await UpsertCommittedAsync(Upsert(1, TestData.Bygglov(), TestData.March2, DataClassification.Internal));

        Diarienummer result;
        await using (var session = await Store.BeginAsync(Ct))
        {
            result = await session.Diary.SetCaseDiarienummerAsync(record.Id, new Diarienummer("KS 2026/99", "KS", 2026, 99), Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(record.Diarienummer, result);
        Assert.Equal(record.Diarienummer, (await Store.GetCaseAsync(record.Id, Ct))!.Diarienummer);
        var later = await UpsertCommittedAsync(Upsert(2, TestData.KeyOnly(TestData.Bygglov()) with { Diarienummer = new Diarienummer("KS 2026/100") }, TestData.March2, DataClassification.Internal));
        Assert.Equal(record.Diarienummer, later.Diarienummer);
    }

    [Fact]
    public async Task SetCaseDiarienummer_UnknownCase_ThrowsKeyNotFound()
    {
        await using var session = await Store.BeginAsync(Ct);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => session.Diary.SetCaseDiarienummerAsync(Guid.CreateVersion7(), new Diarienummer("KS 2026/1"), Ct));
    }

    [Fact]
    public async Task AnnotateEvent_NumbersShowOnTheEventInEveryRead()
    {
        var annotated = new CaseEventBuilder().WithParty(PartyRole.Applicant, TestData.Anna).InCollaboration("remiss-17").Build();
        var (sequence, record) = await IngestAsync(annotated);
        var (plainSequence, _) = await IngestAsync(new CaseEventBuilder().ForCase(TestData.Bygglov("BL-2026-0099", 99)).OccurredAt(TestData.March2.AddDays(1)).Build());

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.AnnotateEventAsync(sequence, "BMN 2026/42", 3, Ct);
            await session.CommitAsync(Ct);
        }

        var expected = new EventRegistration("BMN 2026/42", 3);
        Assert.Equal(expected, (await Store.GetEventAsync(sequence, Ct))!.Registration);
        Assert.Null((await Store.GetEventAsync(plainSequence, Ct))!.Registration);
        Assert.Equal(expected, (await Store.ReadFeedAsync(0, 10, null, Ct))[0].Registration);
        Assert.Equal(expected, (await Store.ReadFeedAsync(0, 10, TestData.Sundsvall, Ct))[0].Registration);
        Assert.Equal(expected, (await Store.GetCaseTimelineAsync(record.Id, Ct))[0].Registration);
        Assert.Equal(expected, Assert.Single(await Store.GetPersonTimelineAsync(TestData.Sundsvall, TestData.Anna.Identity, new TimelinePage(0, 10), Ct)).Registration);
        Assert.Equal(expected, (await Store.Links.GetTimelineWithSubCasesAsync(record.Id, Ct))[0].Registration);
        Assert.Equal(expected, Assert.Single(await Store.Links.GetEventsByCollaborationAsync(TestData.Sundsvall, ["remiss-17"], Ct)).Registration);
    }

    [Fact]
    public async Task AnnotateEvent_CaseRegistrationOnly_HasNoDocumentNumber()
    {
        var (sequence, _) = await IngestAsync(new CaseEventBuilder().Build());

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.AnnotateEventAsync(sequence, "BMN 2026/42", null, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(new EventRegistration("BMN 2026/42", null), (await Store.GetEventAsync(sequence, Ct))!.Registration);
    }

    [Fact]
    public async Task AnnotateEvent_UnknownSequence_Throws()
    {
        await using var session = await Store.BeginAsync(Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => session.Diary.AnnotateEventAsync(424242, "BMN 2026/42", 1, Ct));

        Assert.Contains("424242", error.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- 7. conflicts

    [Fact]
    public async Task RecordConflict_SameCaseAndEventTwice_IsStoredOnce()
    {
        var (sequence, record) = await IngestAsync(new CaseEventBuilder().Build());
        var conflict = new DiaryConflict(Guid.CreateVersion7(), TestData.Sundsvall, record.Id, sequence, TestData.EdpFuture, "BMN 2026/42", "BMN 2026/43", TestData.March2);

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.RecordConflictAsync(conflict, Ct);
            await session.Diary.RecordConflictAsync(conflict with { Id = Guid.CreateVersion7(), DetectedAt = TestData.March2.AddMinutes(1) }, Ct);
            await session.CommitAsync(Ct);
        }

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.RecordConflictAsync(conflict, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal(conflict, Assert.Single(await Store.Diary.GetConflictsAsync(TestData.Sundsvall, Ct)));
    }

    [Fact]
    public async Task GetConflicts_NewestFirstAndOnlyOfTheMunicipality()
    {
        var first = await IngestAsync(new CaseEventBuilder().Build());
        var second = await IngestAsync(new CaseEventBuilder().Build());
        var timra = await IngestAsync(new CaseEventBuilder().InMunicipality(TestData.Timra).Build());
        var older = new DiaryConflict(Guid.CreateVersion7(), TestData.Sundsvall, first.Case.Id, first.Sequence, TestData.EdpFuture, "BMN 2026/42", "BMN 2026/1", TestData.March2);
        var newer = older with { Id = Guid.CreateVersion7(), EventSequence = second.Sequence, Claimed = "BMN 2026/2", DetectedAt = TestData.March2.AddHours(1) };
        var other = older with { Id = Guid.CreateVersion7(), Municipality = TestData.Timra, CaseId = timra.Case.Id, EventSequence = timra.Sequence };

        await using (var session = await Store.BeginAsync(Ct))
        {
            await session.Diary.RecordConflictAsync(older, Ct);
            await session.Diary.RecordConflictAsync(other, Ct);
            await session.Diary.RecordConflictAsync(newer, Ct);
            await session.CommitAsync(Ct);
        }

        Assert.Equal([newer, older], await Store.Diary.GetConflictsAsync(TestData.Sundsvall, Ct));
        Assert.Equal([other], await Store.Diary.GetConflictsAsync(TestData.Timra, Ct));
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Creates <paramref name="count"/> cases without a diarienummer in one transaction.</summary>
    private async Task<List<CaseRecord>> CasesAsync(int count)
    {
        var cases = new List<CaseRecord>();
        await using var session = await Store.BeginAsync(Ct);
        for (var i = 1; i <= count; i++)
        {
            var caseRef = TestData.Bygglov($"BL-2026-{i:D4}", i) with { Diarienummer = null };
            cases.Add(await session.UpsertCaseAsync(Upsert(i, caseRef, TestData.March2, DataClassification.Internal), Ct));
        }

        await session.CommitAsync(Ct);
        return cases;
    }

    private async Task<int> NextRunningNumberCommittedAsync(string municipality, string diary, int year)
    {
        await using var session = await Store.BeginAsync(Ct);
        var number = await session.Diary.NextRunningNumberAsync(municipality, diary, year, Ct);
        await session.CommitAsync(Ct);
        return number;
    }

    private async Task InsertCommittedAsync(params Registration[] registrations)
    {
        await using var session = await Store.BeginAsync(Ct);
        foreach (var registration in registrations)
        {
            await session.Diary.InsertAsync(registration, Ct);
        }

        await session.CommitAsync(Ct);
    }

    private async Task<Registration> CorrectCommittedAsync(Guid registrationId, RegistrationCorrection correction, DateTimeOffset at)
    {
        await using var session = await Store.BeginAsync(Ct);
        var corrected = await session.Diary.CorrectAsync(registrationId, correction, "registrator.eva", "Rättelse", at, Ct);
        await session.CommitAsync(Ct);
        return corrected;
    }

    private Task<IReadOnlyList<Registration>> SearchTextAsync(string text) =>
        Store.Diary.SearchAsync(new DiaryQuery { Municipality = TestData.Sundsvall, Text = text }, Ct);

    private static Registration CaseRegistration(CaseRecord record, string diary, int year, int runningNumber) => new()
    {
        Id = Guid.CreateVersion7(),
        Municipality = record.Municipality,
        Diary = diary,
        CaseId = record.Id,
        Diarienummer = $"{diary} {year}/{runningNumber}",
        Year = year,
        RunningNumber = runningNumber,
        Kind = RegistrationKind.Case,
        RegisteredAt = TestData.March2.AddMinutes(5),
        DocumentDate = s_march2,
        Correspondent = "Anna Lindqvist",
        Description = "Bygglov för nybyggnad av enbostadshus, Tallbacken 3",
        Status = RegistrationStatus.Active,
        Version = 1,
    };

    private static Registration Document(Registration caseRegistration, int documentNumber) => caseRegistration with
    {
        Id = Guid.CreateVersion7(),
        Kind = RegistrationKind.Document,
        DocumentNumber = documentNumber,
        Direction = DocumentDirection.Incoming,
        DocumentType = "ansökan",
        Description = $"Ansökan om bygglov, handling {documentNumber}",
    };
}
