using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite.Tests;

/// <summary>Lease mode at the transport level: what ACK, NACK, an abandoned lease and an overrun lease do to the row.</summary>
public sealed class LeaseTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Leased_message_stays_in_the_table_invisible_for_the_lease_until_it_is_acked()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var transport = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        var id = await TestTransport.SendAsync(transport, "input", "hej");

        using (var scope = new RebusTransactionScope())
        {
            Assert.Equal(id, await TestTransport.ReceiveIdAsync(transport, scope));

            Assert.Equal(1, database.Count("input"));
            Assert.Equal(Start.Add(Lease).ToUnixTimeMilliseconds(), database.Scalar("SELECT visible_after FROM rebus_messages"));
            using (var other = new RebusTransactionScope())
            {
                Assert.Null(await TestTransport.ReceiveIdAsync(transport, other));
            }

            await scope.CompleteAsync();
        }

        Assert.Equal(0, database.Count("input"));
    }

    [Fact]
    public async Task Lease_of_a_consumer_that_died_is_redelivered_once_it_expires_and_not_before()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var crashed = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        var id = await TestTransport.SendAsync(crashed, "input", "hej");
        Assert.Equal(id, await ReceiveAndDieAsync(crashed));

        using var restarted = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        clock.Advance(Lease - TimeSpan.FromMilliseconds(1));
        using (var scope = new RebusTransactionScope())
        {
            Assert.Null(await TestTransport.ReceiveIdAsync(restarted, scope));
        }

        clock.Advance(TimeSpan.FromMilliseconds(1));
        using (var scope = new RebusTransactionScope())
        {
            Assert.Equal(id, await TestTransport.ReceiveIdAsync(restarted, scope));
            await scope.CompleteAsync();
        }

        Assert.Equal(0, database.Count("input"));
    }

    [Fact]
    public async Task Context_disposed_without_a_result_is_nacked_by_rebus_so_the_message_is_visible_again_at_once()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var transport = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        var id = await TestTransport.SendAsync(transport, "input", "hej");

        using (var scope = new RebusTransactionScope())
        {
            Assert.Equal(id, await TestTransport.ReceiveIdAsync(transport, scope));
        }

        using (var scope = new RebusTransactionScope())
        {
            Assert.Equal(id, await TestTransport.ReceiveIdAsync(transport, scope));
        }
    }

    [Fact]
    public async Task Nack_makes_the_message_visible_again_at_once()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var transport = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        var id = await TestTransport.SendAsync(transport, "input", "hej");

        using (var scope = new RebusTransactionScope())
        {
            Assert.Equal(id, await TestTransport.ReceiveIdAsync(transport, scope));
            scope.TransactionContext.SetResult(commit: false, ack: false);
        }

        using (var scope = new RebusTransactionScope())
        {
            Assert.Equal(id, await TestTransport.ReceiveIdAsync(transport, scope));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Consumer_that_overran_its_lease_leaves_the_lease_of_the_consumer_that_took_over_alone(bool ack)
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var slow = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        using var other = TestTransport.Create(database.LeaseOptions(clock, Lease), "input", clock);
        var id = await TestTransport.SendAsync(slow, "input", "hej");

        using var slowScope = new RebusTransactionScope();
        Assert.Equal(id, await TestTransport.ReceiveIdAsync(slow, slowScope));
        clock.Advance(Lease);
        using var otherScope = new RebusTransactionScope();
        Assert.Equal(id, await TestTransport.ReceiveIdAsync(other, otherScope));

        // The slow consumer finishes late: its ACK must not delete, and its NACK must not reveal, the other's message.
        if (ack)
        {
            await slowScope.CompleteAsync();
        }
        else
        {
            slowScope.TransactionContext.SetResult(commit: false, ack: false);
            slowScope.Dispose();
        }

        Assert.Equal(1, database.Count("input"));
        Assert.Equal(Start.Add(Lease * 2).ToUnixTimeMilliseconds(), database.Scalar("SELECT visible_after FROM rebus_messages"));
        await otherScope.CompleteAsync();
        Assert.Equal(0, database.Count("input"));
    }

    /// <summary>
    /// Receives and then ends neither the transaction context nor the lease, like a process killed while the handler
    /// runs (disposing the context would not do: Rebus NACKs a context disposed without a result).
    /// </summary>
    private static async Task<string?> ReceiveAndDieAsync(SqliteTransport transport)
    {
        var abandoned = new RebusTransactionScope();
        return await TestTransport.ReceiveIdAsync(transport, abandoned);
    }
}
