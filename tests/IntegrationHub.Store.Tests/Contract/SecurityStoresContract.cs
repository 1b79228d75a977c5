using System.Data.Common;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Relational;
using IntegrationHub.Store.Security;
using IntegrationHub.Store.Tests.Support;

namespace IntegrationHub.Store.Tests.Contract;

/// <summary>The API keys (hashes only) and the append-only audit log, the same on every provider.</summary>
public abstract class SecurityStoresContract : StoreContractBase
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Stands for both lists when whole records are compared (records compare lists by reference).</summary>
    private static readonly string[] AnyList = [];

    private static readonly string Hash1 = new('1', 64);
    private static readonly string Hash2 = new('2', 64);
    private static readonly string Hash3 = new('3', 64);

    private static string AnnasPersonnummer => TestData.Anna.Identity.Value;

    /// <summary>The store under test, on the test's migrated database.</summary>
    protected RelationalSecurityStore Security => _security ??= Database.OpenSecurityStore();
    private RelationalSecurityStore? _security;

    // ---------------------------------------------------------------- API keys

    [Fact]
    public async Task Key_CreatedWithEveryField_IsReadBackExactly()
    {
        var key = Key("mspprod00001") with
        {
            Sources = ["edp-future", "platina"],
            ClassificationCeiling = DataClassification.Restricted,
            PreviousSecretHash = Hash2,
            PreviousSecretValidUntil = Noon.AddHours(1),
            ExpiresAt = Noon.AddDays(365),
            RevokedAt = Noon.AddDays(2),
            RotatedAt = Noon.AddMinutes(5).AddMilliseconds(123),
        };

        Assert.True(await Security.CreateAsync(key, Ct));

        AssertSameKey(key, await Security.GetAsync(key.Id, Ct));
    }

    [Fact]
    public async Task Key_CreatedWithoutOptionalFields_IsReadBackWithNullsAndEmptySources()
    {
        var key = Key("minimal00001") with { Scopes = [], ClassificationCeiling = DataClassification.Public };

        Assert.True(await Security.CreateAsync(key, Ct));

        var found = await Security.GetAsync(key.Id, Ct);
        AssertSameKey(key, found);
        Assert.Empty(found!.Sources);
        Assert.Empty(found.Scopes);
        Assert.Null(found.PreviousSecretHash);
        Assert.Null(found.PreviousSecretValidUntil);
        Assert.Null(found.ExpiresAt);
        Assert.Null(found.RevokedAt);
        Assert.Null(await Security.GetAsync("unknown00001", Ct));
    }

    [Fact]
    public async Task Key_CreatedWithATakenId_ReturnsFalseAndKeepsTheFirst()
    {
        var first = Key("taken0000001");

        Assert.True(await Security.CreateAsync(first, Ct));
        Assert.False(await Security.CreateAsync(first with { Name = "Someone else's", SecretHash = Hash3 }, Ct));

        AssertSameKey(first, await Security.GetAsync(first.Id, Ct));
        Assert.Single(await Security.ListAsync(null, Ct));
    }

    [Fact]
    public async Task Key_List_IsByCreationTimeThenId_AllOrOneMunicipalityExactly()
    {
        var stockholmLater = Key("b00000000001") with { Municipality = "0180", CreatedAt = Noon.AddHours(2) };
        var admin = Key("a00000000001") with { Municipality = "*", CreatedAt = Noon };
        var stockholmTieB = Key("c00000000002") with { Municipality = "0180", CreatedAt = Noon.AddHours(1) };
        var stockholmTieA = Key("c00000000001") with { Municipality = "0180", CreatedAt = Noon.AddHours(1) };
        var sundsvall = Key("d00000000001") with { Municipality = TestData.Sundsvall, CreatedAt = Noon.AddMinutes(30) };
        var nearlyStockholm = Key("e00000000001") with { Municipality = "01800", CreatedAt = Noon.AddMinutes(40) };
        foreach (var key in new[] { stockholmLater, admin, stockholmTieB, stockholmTieA, sundsvall, nearlyStockholm })
        {
            Assert.True(await Security.CreateAsync(key, Ct));
        }

        Assert.Equal(
            [admin.Id, sundsvall.Id, nearlyStockholm.Id, stockholmTieA.Id, stockholmTieB.Id, stockholmLater.Id],
            (await Security.ListAsync(null, Ct)).Select(k => k.Id));
        Assert.Equal([stockholmTieA.Id, stockholmTieB.Id, stockholmLater.Id], (await Security.ListAsync("0180", Ct)).Select(k => k.Id));
        Assert.Equal([admin.Id], (await Security.ListAsync("*", Ct)).Select(k => k.Id));
        Assert.Empty(await Security.ListAsync(TestData.Timra, Ct));
        AssertSameKey(sundsvall, Assert.Single(await Security.ListAsync(TestData.Sundsvall, Ct)));
    }

    [Fact]
    public async Task Key_Any_IsFalseOnAnEmptyTable_AndTrueEvenWhenEveryKeyIsRevoked()
    {
        Assert.False(await Security.AnyAsync(Ct));

        Assert.True(await Security.CreateAsync(Key("first0000001"), Ct));
        Assert.NotNull(await Security.RevokeAsync("first0000001", Noon.AddHours(1), Ct));

        Assert.True(await Security.AnyAsync(Ct));
    }

    [Fact]
    public async Task Key_RotatedWithGrace_KeepsTheOldHashUntilThen()
    {
        var key = Key("rotate000001");
        Assert.True(await Security.CreateAsync(key, Ct));
        var rotatedAt = Noon.AddDays(30);

        var rotated = await Security.RotateAsync(key.Id, Hash2, rotatedAt, rotatedAt.AddHours(24), Ct);

        var expected = key with { SecretHash = Hash2, PreviousSecretHash = Hash1, PreviousSecretValidUntil = rotatedAt.AddHours(24), RotatedAt = rotatedAt };
        AssertSameKey(expected, rotated);
        AssertSameKey(expected, await Security.GetAsync(key.Id, Ct));
    }

    [Fact]
    public async Task Key_RotatedWithoutGrace_ClearsThePreviousHash()
    {
        var key = Key("rotate000002");
        Assert.True(await Security.CreateAsync(key, Ct));
        Assert.NotNull(await Security.RotateAsync(key.Id, Hash2, Noon.AddDays(1), Noon.AddDays(2), Ct));

        var rotated = await Security.RotateAsync(key.Id, Hash3, Noon.AddDays(3), null, Ct);

        var expected = key with { SecretHash = Hash3, PreviousSecretHash = null, PreviousSecretValidUntil = null, RotatedAt = Noon.AddDays(3) };
        AssertSameKey(expected, rotated);
        AssertSameKey(expected, await Security.GetAsync(key.Id, Ct));
    }

    [Fact]
    public async Task Key_RotatedWhenUnknownOrRevoked_ReturnsNullAndChangesNothing()
    {
        var key = Key("rotate000003");
        Assert.True(await Security.CreateAsync(key, Ct));
        var revoked = await Security.RevokeAsync(key.Id, Noon.AddHours(1), Ct);

        Assert.Null(await Security.RotateAsync("unknown00001", Hash2, Noon.AddHours(2), Noon.AddHours(3), Ct));
        Assert.Null(await Security.RotateAsync(key.Id, Hash2, Noon.AddHours(2), Noon.AddHours(3), Ct));

        AssertSameKey(revoked!, await Security.GetAsync(key.Id, Ct));
        Assert.Null(await Security.GetAsync("unknown00001", Ct));
    }

    [Fact]
    public async Task Key_RevokedTwice_KeepsTheFirstRevocationTime()
    {
        var key = Key("revoke000001");
        Assert.True(await Security.CreateAsync(key, Ct));

        var first = await Security.RevokeAsync(key.Id, Noon.AddHours(1), Ct);
        var second = await Security.RevokeAsync(key.Id, Noon.AddHours(2), Ct);

        AssertSameKey(key with { RevokedAt = Noon.AddHours(1) }, first);
        AssertSameKey(key with { RevokedAt = Noon.AddHours(1) }, second);
        AssertSameKey(key with { RevokedAt = Noon.AddHours(1) }, await Security.GetAsync(key.Id, Ct));
    }

    [Fact]
    public async Task Key_RevokedWhenUnknown_ReturnsNull()
    {
        Assert.Null(await Security.RevokeAsync("unknown00001", Noon, Ct));

        Assert.False(await Security.AnyAsync(Ct));
    }

    // ---------------------------------------------------------------- audit log

    [Fact]
    public async Task Audit_Append_ReturnsIncreasingIds_AndEveryFieldIsReadBack()
    {
        var full = Entry(Noon.AddMilliseconds(7)) with
        {
            ActorName = "Mina Sidor (produktion)",
            Resource = AnnasPersonnummer,
            Count = 3,
            ClientAddress = "2001:db8::17",
            TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            Status = 200,
        };
        var minimal = Entry(Noon.AddMinutes(1)) with { Municipality = "*", Action = "key.create", ResourceType = "key", Status = 403 };

        var firstId = await Security.AppendAsync(full, Ct);
        var secondId = await Security.AppendAsync(minimal, Ct);
        var thirdId = await Security.AppendAsync(full, Ct);

        Assert.True(firstId > 0);
        Assert.True(secondId > firstId);
        Assert.True(thirdId > secondId);
        var all = await Security.QueryAsync(new AuditQuery(), Ct);
        Assert.Equal([full with { Id = thirdId }, minimal with { Id = secondId }, full with { Id = firstId }], all);
    }

    [Fact]
    public async Task Audit_Query_EachCriterionAlone_MatchesExactly_NewestFirst()
    {
        var ids = await AppendFiveAsync();

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], await IdsAsync(new AuditQuery()));
        Assert.Equal([ids[4], ids[1], ids[0]], await IdsAsync(new AuditQuery { Municipality = TestData.Sundsvall }));
        Assert.Equal([ids[3]], await IdsAsync(new AuditQuery { Municipality = "*" }));
        Assert.Empty(await IdsAsync(new AuditQuery { Municipality = "228" }));
        Assert.Equal([ids[4], ids[2], ids[0]], await IdsAsync(new AuditQuery { Actor = "key:mspprod00001" }));
        Assert.Equal([ids[2], ids[0]], await IdsAsync(new AuditQuery { Action = "timeline.read" }));
        Assert.Equal([ids[4], ids[2], ids[0]], await IdsAsync(new AuditQuery { Resource = AnnasPersonnummer }));
        Assert.Equal([ids[4], ids[3], ids[2]], await IdsAsync(new AuditQuery { From = Noon.AddHours(2) }));
        Assert.Equal([ids[1], ids[0]], await IdsAsync(new AuditQuery { To = Noon.AddHours(2) }));
        Assert.Equal([ids[1], ids[0]], await IdsAsync(new AuditQuery { BeforeId = ids[2] }));
    }

    [Fact]
    public async Task Audit_Query_CriteriaCombined_AreAllRequired()
    {
        var ids = await AppendFiveAsync();

        Assert.Equal([ids[4], ids[0]], await IdsAsync(new AuditQuery { Municipality = TestData.Sundsvall, Resource = AnnasPersonnummer }));
        Assert.Equal([ids[0]], await IdsAsync(new AuditQuery { Municipality = TestData.Sundsvall, Resource = AnnasPersonnummer, Action = "timeline.read" }));
        Assert.Equal([ids[2]], await IdsAsync(new AuditQuery { Actor = "key:mspprod00001", From = Noon.AddHours(1), To = Noon.AddHours(4) }));
        Assert.Equal([ids[0]], await IdsAsync(new AuditQuery { Actor = "key:mspprod00001", Municipality = TestData.Sundsvall, BeforeId = ids[4] }));
        Assert.Empty(await IdsAsync(new AuditQuery { Actor = "user:registrator-rut", Resource = AnnasPersonnummer }));
        Assert.Empty(await IdsAsync(new AuditQuery { Municipality = TestData.Timra, Action = "case.read" }));
    }

    [Fact]
    public async Task Audit_Query_PagesBackwardsWithBeforeId()
    {
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await Security.AppendAsync(Entry(Noon.AddMinutes(i)), Ct));
        }

        var first = await IdsAsync(new AuditQuery { Limit = 3 });
        var second = await IdsAsync(new AuditQuery { Limit = 3, BeforeId = first[^1] });
        var third = await IdsAsync(new AuditQuery { Limit = 3, BeforeId = second[^1] });

        Assert.Equal([ids[6], ids[5], ids[4]], first);
        Assert.Equal([ids[3], ids[2], ids[1]], second);
        Assert.Equal([ids[0]], third);
        Assert.Empty(await IdsAsync(new AuditQuery { Limit = 3, BeforeId = third[^1] }));
    }

    [Fact]
    public async Task Audit_Query_LimitIsClampedToOneThroughAThousand()
    {
        for (var i = 0; i < 1001; i++)
        {
            await Security.AppendAsync(Entry(Noon.AddSeconds(i)), Ct);
        }

        Assert.Single(await Security.QueryAsync(new AuditQuery { Limit = 0 }, Ct));
        Assert.Single(await Security.QueryAsync(new AuditQuery { Limit = -5 }, Ct));
        Assert.Equal(1000, (await Security.QueryAsync(new AuditQuery { Limit = int.MaxValue }, Ct)).Count);
        Assert.Equal(1000, (await Security.QueryAsync(new AuditQuery { Limit = 1001 }, Ct)).Count);
        Assert.Equal(100, (await Security.QueryAsync(new AuditQuery(), Ct)).Count);
    }

    [Fact]
    public async Task Audit_UpdateOrDeleteThroughRawSql_IsRefusedByTheDatabase()
    {
        var entry = Entry(Noon) with { Resource = AnnasPersonnummer };
        var id = await Security.AppendAsync(entry, Ct);
        var table = Database.QualifiedTable("audit_log");

        await AssertRefusedAsync($"UPDATE {table} SET actor = 'user:someone-else' WHERE id = {id}");
        await AssertRefusedAsync($"UPDATE {table} SET resource = NULL");
        await AssertRefusedAsync($"DELETE FROM {table} WHERE id = {id}");
        await AssertRefusedAsync($"DELETE FROM {table}");

        Assert.Equal([entry with { Id = id }], await Security.QueryAsync(new AuditQuery(), Ct));
    }

    /// <summary>Runs <paramref name="sql"/> the way another program on the same database would, and expects the database to refuse it.</summary>
    protected async Task AssertRefusedAsync(string sql)
    {
        var (connection, transaction) = await Database.BeginForeignTransactionAsync(Ct);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Contains("audit_log is append-only", refused.Message, StringComparison.Ordinal);
        }
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// 0: Sundsvall, key, timeline.read of Anna, noon; 1: Sundsvall, user, case.read, +1 h; 2: Timrå, key, timeline.read of Anna, +2 h;
    /// 3: installation-wide key.create by the user, +3 h; 4: Sundsvall, key, case.read of Anna, +4 h.
    /// </summary>
    private async Task<List<long>> AppendFiveAsync()
    {
        var key = Entry(Noon) with { Resource = AnnasPersonnummer };
        var user = Entry(Noon) with { Actor = "user:registrator-rut", ActorName = "Registrator Rut", Action = "case.read", ResourceType = "case", Resource = "BL-2026-0042" };
        AuditEntry[] entries =
        [
            key,
            user with { At = Noon.AddHours(1) },
            key with { At = Noon.AddHours(2), Municipality = TestData.Timra },
            user with { At = Noon.AddHours(3), Municipality = "*", Action = "key.create", ResourceType = "key", Resource = "mspprod00002" },
            key with { At = Noon.AddHours(4), Action = "case.read" },
        ];
        var ids = new List<long>();
        foreach (var entry in entries)
        {
            ids.Add(await Security.AppendAsync(entry, Ct));
        }

        return ids;
    }

    private async Task<List<long>> IdsAsync(AuditQuery query) => [.. (await Security.QueryAsync(query, Ct)).Select(e => e.Id)];

    private static AuditEntry Entry(DateTimeOffset at) => new()
    {
        At = at,
        Municipality = TestData.Sundsvall,
        Actor = "key:mspprod00001",
        Action = "timeline.read",
        ResourceType = "person",
        Status = 200,
    };

    private static ApiKeyRecord Key(string id) => new()
    {
        Id = id,
        Name = "Mina Sidor (produktion)",
        Municipality = TestData.Sundsvall,
        Scopes = ["timeline:read", "cases:read"],
        ClassificationCeiling = DataClassification.Confidential,
        SecretHash = Hash1,
        CreatedBy = "user:admin-astrid",
        CreatedAt = Noon,
        RotatedAt = Noon,
    };

    private static void AssertSameKey(ApiKeyRecord expected, ApiKeyRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Scopes, actual.Scopes);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected with { Scopes = AnyList, Sources = AnyList }, actual with { Scopes = AnyList, Sources = AnyList });
    }
}
