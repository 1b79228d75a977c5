using System.Security.Cryptography;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Relational;
using IntegrationHub.Store.Review;
using IntegrationHub.Store.Tests.Support;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>What adapters and the registrator's inbox keep in the store: content-addressed files, small state, review items.</summary>
public abstract class AdapterStoresContract : StoreContractBase
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    private RelationalSubscriptionStore Side => _side ??= Database.OpenSubscriptionStore();
    private RelationalSubscriptionStore? _side;

    [Fact]
    public async Task Content_PutTwice_IsStoredOnceAndReadBackExactly()
    {
        var bytes = RandomNumberGenerator.GetBytes(10 * 1024 * 1024 + 17);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await Side.PutAsync(sha, "application/pdf", bytes, Noon, Ct);
        await Side.PutAsync(sha, "application/octet-stream", bytes, Noon.AddHours(1), Ct);

        var found = await Side.GetAsync(sha, Ct);
        Assert.NotNull(found);
        Assert.Equal("application/pdf", found.Value.MediaType);
        Assert.Equal(bytes, found.Value.Content);
        Assert.Null(await Side.GetAsync(new string('0', 64), Ct));
    }

    [Fact]
    public async Task State_SetTwice_KeepsTheLastValue()
    {
        Assert.Null(await Side.GetAsync("mailbox/kommunen", "checkpoint", Ct));

        await Side.SetAsync("mailbox/kommunen", "checkpoint", "41", Noon, Ct);
        await Side.SetAsync("mailbox/kommunen", "checkpoint", "42", Noon, Ct);

        Assert.Equal("42", await Side.GetAsync("mailbox/kommunen", "checkpoint", Ct));
        Assert.Null(await Side.GetAsync("mailbox/bygglov", "checkpoint", Ct));
    }

    [Fact]
    public async Task ClaimWindow_IsHeldUntilItExpires_AndKeptByItsOwnClaimant()
    {
        var window = TimeSpan.FromHours(1);

        Assert.True(await Side.TryClaimWindowAsync("mailbox/kommunen", "receipt:a", "event-1", Noon, window, Ct));
        Assert.False(await Side.TryClaimWindowAsync("mailbox/kommunen", "receipt:a", "event-2", Noon.AddMinutes(59), window, Ct));
        Assert.True(await Side.TryClaimWindowAsync("mailbox/kommunen", "receipt:a", "event-1", Noon.AddMinutes(59), window, Ct));
        Assert.True(await Side.TryClaimWindowAsync("mailbox/kommunen", "receipt:b", "event-3", Noon.AddMinutes(59), window, Ct));
        Assert.True(await Side.TryClaimWindowAsync("mailbox/kommunen", "receipt:a", "event-4", Noon.AddMinutes(59 + 60), window, Ct));
    }

    [Fact]
    public async Task ClaimWindow_ClaimedAtOnceByMany_HasOneWinner()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Database.OpenSubscriptionStore()).ToList();

        var results = await Task.WhenAll(stores.Select((store, i) =>
            store.TryClaimWindowAsync("mailbox/kommunen", "receipt:same", $"event-{i}", Noon, TimeSpan.FromHours(1), Ct)));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task ReviewItem_AddedTwice_IsOneItemWithItsEvent()
    {
        var (sequence, caseRecord) = await IngestAsync(new CaseEventBuilder().Build());
        var item = Item(sequence, caseRecord.Id);

        await using (var session = await Store.BeginAsync(Ct))
        {
            await Side.AddAsync(session, item, Ct);
            await Side.AddAsync(session, item with { Diary = "other" }, Ct);
            await session.CommitAsync(Ct);
        }

        var found = await Side.GetAsync(sequence, Ct);
        Assert.NotNull(found);
        Assert.Equal("KS", found.Diary);
        Assert.Equal([ReviewReason.AutoRegistered, ReviewReason.PersonalData], found.Reasons);
        Assert.Equal(DataClassification.Confidential, found.Classification);
        Assert.Equal(ReviewState.Pending, found.State);
        Assert.Equal(sequence, found.Event!.Sequence);
        Assert.Equal(caseRecord.Id, found.CaseId);
        Assert.Null(await Side.GetAsync(sequence + 1000, Ct));
    }

    [Fact]
    public async Task ReviewItem_Update_NeedsTheExpectedVersionAndRecordsTheAction()
    {
        var (sequence, caseRecord) = await IngestAsync(new CaseEventBuilder().Build());
        await AddCommittedAsync(Item(sequence, caseRecord.Id));

        await using (var session = await Store.BeginAsync(Ct))
        {
            var locked = await Side.LockAsync(session, sequence, Ct);
            var confirmed = locked! with { State = ReviewState.Confirmed, DecidedAt = Noon, DecidedBy = "Registrator Rut", Version = 2 };
            Assert.True(await Side.UpdateAsync(session, confirmed, 1, new ReviewAction(Guid.NewGuid(), sequence, "confirm", "Registrator Rut", Noon, null), Ct));
            Assert.False(await Side.UpdateAsync(session, confirmed, 1, new ReviewAction(Guid.NewGuid(), sequence, "confirm", "Someone else", Noon, null), Ct));
            await session.CommitAsync(Ct);
        }

        var found = await Side.GetAsync(sequence, Ct);
        Assert.Equal(ReviewState.Confirmed, found!.State);
        Assert.Equal(2, found.Version);
        Assert.Equal("Registrator Rut", found.DecidedBy);
        Assert.Equal(Noon, found.DecidedAt);
        var action = Assert.Single(await Side.GetActionsAsync(sequence, Ct));
        Assert.Equal(("confirm", "Registrator Rut", Noon), (action.Action, action.Actor, action.At));
    }

    [Fact]
    public async Task ReviewList_FiltersByStateDiaryAndUnit_NewestFirst_AndPagesBackwards()
    {
        var sequences = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var (sequence, caseRecord) = await IngestAsync(new CaseEventBuilder().Build());
            await AddCommittedAsync(Item(sequence, caseRecord.Id) with { Diary = i % 2 == 0 ? "KS" : "SBN", UnitId = i < 2 ? "kontaktcenter" : "bygglov" });
            sequences.Add(sequence);
        }

        var all = await Side.ListAsync(new ReviewQuery(TestData.Sundsvall), Ct);
        Assert.Equal(sequences.AsEnumerable().Reverse(), all.Select(i => i.EventSequence));
        Assert.Equal([sequences[2], sequences[0]], (await Side.ListAsync(new ReviewQuery(TestData.Sundsvall, Diary: "KS"), Ct)).Select(i => i.EventSequence));
        Assert.Equal([sequences[3]], (await Side.ListAsync(new ReviewQuery(TestData.Sundsvall, Diary: "SBN", Unit: "bygglov"), Ct)).Select(i => i.EventSequence));
        Assert.Empty(await Side.ListAsync(new ReviewQuery(TestData.Sundsvall, State: ReviewState.Confirmed), Ct));
        Assert.Equal(4, (await Side.ListAsync(new ReviewQuery(TestData.Sundsvall, State: ReviewState.Pending), Ct)).Count);
        Assert.Equal([sequences[1], sequences[0]], (await Side.ListAsync(new ReviewQuery(TestData.Sundsvall, BeforeSequence: sequences[2], Limit: 10), Ct)).Select(i => i.EventSequence));
        Assert.Equal([sequences[3]], (await Side.ListAsync(new ReviewQuery(TestData.Sundsvall, Limit: 1), Ct)).Select(i => i.EventSequence));
        Assert.Empty(await Side.ListAsync(new ReviewQuery("0180"), Ct));
    }

    private async Task AddCommittedAsync(ReviewItem item)
    {
        await using var session = await Store.BeginAsync(Ct);
        await Side.AddAsync(session, item, Ct);
        await session.CommitAsync(Ct);
    }

    private static ReviewItem Item(long sequence, Guid caseId) => new()
    {
        EventSequence = sequence,
        Municipality = TestData.Sundsvall,
        CaseId = caseId,
        Diary = "KS",
        Diarienummer = "KS 2026/1",
        DocumentNumber = 1,
        UnitId = "kontaktcenter",
        UnitName = "Kontaktcenter",
        CaseType = "allmant",
        Reasons = [ReviewReason.AutoRegistered, ReviewReason.PersonalData],
        ReceivedVia = "kommunen@sundsvall.example",
        Routing = "the mailbox's default",
        Classification = DataClassification.Confidential,
        ReceivedAt = Noon,
        State = ReviewState.Pending,
        Version = 1,
    };
}
