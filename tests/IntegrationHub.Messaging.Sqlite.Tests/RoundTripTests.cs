using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Sent_message_is_handled_and_removed_from_the_table()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>(ping =>
        {
            received.TrySetResult(ping.Text);
            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        await bus.SendLocal(new Ping("hej"));

        Assert.Equal("hej", await received.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }

    [Fact]
    public async Task Messages_of_equal_priority_are_received_in_send_order()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<int>();
        activator.Handle<Numbered>(message =>
        {
            handled.Enqueue(message.Number);
            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        using (var scope = new RebusTransactionScope())
        {
            for (var i = 0; i < 20; i++)
            {
                await bus.SendLocal(new Numbered(i));
            }

            await scope.CompleteAsync();
        }

        Assert.True(await Eventually.TrueAsync(() => handled.Count == 20));
        Assert.Equal(Enumerable.Range(0, 20), handled);
    }

    [Fact]
    public async Task Higher_priority_is_received_first()
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
        TestBus.Start(activator, database.Options(), "input");

        Assert.True(await Eventually.TrueAsync(() => handled.Count == 3));
        Assert.Equal([3, 1, 2], handled);
    }

    [Fact]
    public async Task Custom_table_name_is_used_and_the_database_is_in_wal_mode()
    {
        using var database = new TestDatabase { TableName = "hub_queue" };
        using var activator = new BuiltinHandlerActivator();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>(_ =>
        {
            received.TrySetResult();
            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        await bus.SendLocal(new Ping("custom table"));

        await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(1, database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'hub_queue'"));
        Assert.Equal(0, database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'rebus_messages'"));
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }
}
