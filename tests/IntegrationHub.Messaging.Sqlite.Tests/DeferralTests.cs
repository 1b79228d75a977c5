using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Messages;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class DeferralTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeferLocal_delivers_after_the_delay_and_not_before()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var sentAt = TimeProvider.System.GetUtcNow();
        var deferredReceivedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        var controlSawDeferred = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>(ping =>
        {
            if (ping.Text == "deferred")
            {
                deferredReceivedAt.TrySetResult(TimeProvider.System.GetUtcNow());
            }
            else
            {
                controlSawDeferred.TrySetResult(deferredReceivedAt.Task.IsCompleted);
            }

            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        await bus.DeferLocal(TimeSpan.FromSeconds(1), new Ping("deferred"));
        await bus.SendLocal(new Ping("control"));

        // One worker handles one message at a time: when the control message (sent later) is handled, the deferred
        // one had not been, although it was stored first.
        Assert.False(await controlSawDeferred.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        var receivedAt = await deferredReceivedAt.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(receivedAt - sentAt >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(5), $"Deferred message arrived {receivedAt - sentAt} after sending.");
    }

    [Fact]
    public async Task Deferred_message_becomes_visible_exactly_when_the_clock_reaches_its_due_time()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<string>();
        activator.Handle<Ping>(ping =>
        {
            handled.Enqueue(ping.Text);
            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(clock), "input");

        await bus.DeferLocal(TimeSpan.FromSeconds(1), new Ping("deferred"));
        await bus.SendLocal(new Ping("at once"));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("at once")));

        clock.Advance(TimeSpan.FromMilliseconds(999));
        await bus.SendLocal(new Ping("1 ms too early"));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("1 ms too early")));
        Assert.DoesNotContain("deferred", handled);
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 1), "Only the deferred message should be left in the queue.");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("deferred")));
        Assert.Equal(["at once", "1 ms too early", "deferred"], handled);
    }

    [Fact]
    public async Task One_way_client_can_defer_to_a_routed_queue()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var client = TestBus.StartOneWayClient(database.Options(clock), routes => routes.Map<Ping>("input"));
        await client.Defer(TimeSpan.FromMinutes(5), new Ping("reminder"));

        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<string>();
        var reminderHeaders = new TaskCompletionSource<Dictionary<string, string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>((_, context, ping) =>
        {
            handled.Enqueue(ping.Text);
            if (ping.Text == "reminder")
            {
                reminderHeaders.TrySetResult(new Dictionary<string, string>(context.Headers));
            }

            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(clock), "input");
        await bus.SendLocal(new Ping("control"));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("control")));
        Assert.DoesNotContain("reminder", handled);

        clock.Advance(TimeSpan.FromMinutes(5));

        var headers = await reminderHeaders.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["control", "reminder"], handled);
        Assert.False(headers.ContainsKey(Headers.DeferredUntil), "The transport deferred natively, so Rebus must not see a deferral header.");
        Assert.Equal("input", headers[Headers.DeferredRecipient]);
    }

    [Fact]
    public async Task Handler_can_defer_a_follow_up_in_its_own_transaction()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(Start);
        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<string>();
        activator.Handle<Ping>(async (bus, ping) =>
        {
            handled.Enqueue(ping.Text);
            if (ping.Text == "start")
            {
                await bus.DeferLocal(TimeSpan.FromHours(1), new Ping("follow-up"));
            }
        });
        var bus = TestBus.Start(activator, database.Options(clock), "input");

        await bus.SendLocal(new Ping("start"));
        await bus.SendLocal(new Ping("control"));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("control")));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 1), "Only the follow-up should be left, invisible.");

        clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await Eventually.TrueAsync(() => handled.Contains("follow-up")));
        Assert.Equal(["start", "control", "follow-up"], handled);
    }
}
