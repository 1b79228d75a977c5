using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;
using Rebus.Activation;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Messages_survive_disposing_the_bus_and_starting_a_new_one_on_the_same_file()
    {
        using var database = new TestDatabase();
        using (var first = new BuiltinHandlerActivator())
        {
            // No workers: the first bus only sends, as if the process stopped before handling anything.
            var bus = TestBus.Start(first, database.Options(), "input", o => o.SetNumberOfWorkers(0));
            for (var i = 0; i < 3; i++)
            {
                await bus.SendLocal(new Numbered(i));
            }
        }

        // Like a process exit: no connection of the first bus is left open.
        SqliteConnection.ClearAllPools();
        Assert.Equal(3, database.Count("input"));

        using var second = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<int>();
        second.Handle<Numbered>(message =>
        {
            handled.Enqueue(message.Number);
            return Task.CompletedTask;
        });
        TestBus.Start(second, database.Options(), "input");

        Assert.True(await Eventually.TrueAsync(() => handled.Count == 3));
        Assert.Equal([0, 1, 2], handled);
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }

    [Fact]
    public async Task A_message_being_handled_is_still_in_the_table_until_the_handler_commits()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var handlerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseHandler = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>(async _ =>
        {
            handlerStarted.TrySetResult();
            await releaseHandler.Task;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        await bus.SendLocal(new Ping("slow"));
        await handlerStarted.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The delete is not committed yet: a crash now would leave the message in the queue.
        Assert.Equal(1, database.Count("input"));
        releaseHandler.SetResult();
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }
}
