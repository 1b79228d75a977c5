using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Bus;
using Rebus.Retry.Simple;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite.Tests;

/// <summary>What a lease-mode handler sees: no receive transaction, sends written on commit, explicit enlisting.</summary>
public sealed class LeaseHandlerTests
{
    [Fact]
    public async Task Messages_are_handled_in_priority_then_send_order_and_removed()
    {
        using var database = new TestDatabase();
        using (var client = TestBus.StartOneWayClient(database.Options(), routes => routes.Map<Numbered>("input")))
        {
            await client.Send(new Numbered(1));
            await client.Send(new Numbered(2));
            await client.Send(new Numbered(3), new Dictionary<string, string> { [SqliteTransportHeaders.MessagePriority] = "5" });
        }

        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<int>();
        activator.Handle<Numbered>(message =>
        {
            handled.Enqueue(message.Number);
            return Task.CompletedTask;
        });
        TestBus.Start(activator, database.LeaseOptions(), "input");

        Assert.True(await Eventually.TrueAsync(() => handled.Count == 3));
        Assert.Equal([3, 1, 2], handled);
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sends_of_a_lease_mode_handler_are_written_when_it_succeeds_and_dropped_when_it_fails(bool fail)
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        activator.Handle<DoWork>(async (bus, work) =>
        {
            await bus.Advanced.Routing.Send("sink", new WorkDone(work.Value));
            if (work.Fail)
            {
                throw new InvalidOperationException("Failing after sending.");
            }
        });
        var bus = TestBus.Start(activator, database.LeaseOptions(), "input", o => o.RetryStrategy(maxDeliveryAttempts: 2));

        await bus.SendLocal(new DoWork("ärende-1", fail));

        Assert.True(await Eventually.TrueAsync(() => database.Count(fail ? "error" : "sink") == 1));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
        Assert.Equal(fail ? 0 : 1, database.Count("sink"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lease_mode_handler_can_send_atomically_with_a_transaction_of_its_own(bool commit)
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE state (value TEXT NOT NULL)");
        using var activator = new BuiltinHandlerActivator();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<DoWork>(async (bus, work) =>
        {
            await WriteStateAndSendAsync(database, bus, work.Value, commit);
            done.TrySetResult();
        });
        var bus = TestBus.Start(activator, database.LeaseOptions(), "input");

        await bus.SendLocal(new DoWork("ärende-2", Fail: false));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
        Assert.Equal(commit ? 1 : 0, database.Scalar("SELECT COUNT(*) FROM state"));
        Assert.Equal(commit ? 1 : 0, database.Count("sink"));
    }

    [Fact]
    public async Task Asking_a_lease_mode_message_for_its_sqlite_transaction_explains_the_alternative()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var error = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>((_, context, _) =>
        {
            Assert.Null(context.TransactionContext.GetSqliteTransaction());
            error.TrySetResult(Record.Exception(() => context.GetSqliteTransaction()));
            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.LeaseOptions(), "input");

        await bus.SendLocal(new Ping("hej"));

        var exception = Assert.IsType<InvalidOperationException>(await error.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Contains("lease mode", exception.Message, StringComparison.Ordinal);
        Assert.Contains("UseSqliteTransaction", exception.Message, StringComparison.Ordinal);
    }

    private static async Task WriteStateAndSendAsync(TestDatabase database, IBus bus, string value, bool commit)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO state (value) VALUES ($value)";
            command.Parameters.AddWithValue("$value", value);
            await command.ExecuteNonQueryAsync();
        }

        using (var scope = new RebusTransactionScope())
        {
            scope.UseSqliteTransaction(connection, transaction);
            await bus.Advanced.Routing.Send("sink", new WorkDone(value));
            await scope.CompleteAsync();
        }

        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }
}
