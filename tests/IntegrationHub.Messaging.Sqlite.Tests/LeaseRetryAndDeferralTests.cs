using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Exceptions;
using Rebus.Messages;
using Rebus.Retry.Simple;
using Rebus.Routing.TypeBased;

namespace IntegrationHub.Messaging.Sqlite.Tests;

/// <summary>Rebus's retries, error queue and native deferral on a lease-mode bus.</summary>
public sealed class LeaseRetryAndDeferralTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ErrorHandlerMode.Immediately)]
    [InlineData(ErrorHandlerMode.NextDelivery)]
    public async Task Failing_message_is_retried_then_moved_to_the_error_queue(ErrorHandlerMode mode)
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var attempts = 0;
        activator.Handle<Ping>(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("boom");
        });
        var bus = TestBus.Start(activator, database.LeaseOptions(), "input", o => o.RetryStrategy(maxDeliveryAttempts: 3, errorHandlerMode: mode));

        await bus.SendLocal(new Ping("poison"), new Dictionary<string, string> { ["x-kommun"] = "0180" });

        Assert.True(await Eventually.TrueAsync(() => database.Count("error") == 1));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
        Assert.Equal(3, Volatile.Read(ref attempts));
        var headers = Assert.Single(database.Headers("error"));
        Assert.Equal("0180", headers["x-kommun"]);
        Assert.Equal("input", headers[Headers.SourceQueue]);
        Assert.Contains("boom", headers[Headers.ErrorDetails], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_fast_exception_moves_the_message_to_the_error_queue_after_one_attempt()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var attempts = 0;
        activator.Handle<Ping>(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new FailFastException("not worth retrying");
        });
        var bus = TestBus.Start(activator, database.LeaseOptions(), "input", o => o.RetryStrategy(maxDeliveryAttempts: 5));

        await bus.SendLocal(new Ping("poison"));

        Assert.True(await Eventually.TrueAsync(() => database.Count("error") == 1));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
        Assert.Equal(1, Volatile.Read(ref attempts));
        Assert.Contains("not worth retrying", Assert.Single(database.Headers("error"))[Headers.ErrorDetails], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lease_mode_handler_can_defer_locally_and_to_a_routed_queue()
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
                await bus.DeferLocal(TimeSpan.FromHours(1), new Ping("local follow-up"));
                await bus.Defer(TimeSpan.FromHours(2), new Ping("routed follow-up"));
            }
        });
        var bus = Configure.With(activator)
            .Logging(logging => logging.None())
            .Transport(transport => transport.UseSqlite(database.LeaseOptions(clock), "input"))
            .Routing(routing => routing.TypeBased().Map<Ping>("input"))
            .Options(o => o.SetNumberOfWorkers(1))
            .Start();

        await bus.SendLocal(new Ping("start"));
        await bus.SendLocal(new Ping("control"));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("control")));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 2), "Only the two follow-ups should be left, invisible.");

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("local follow-up")));
        Assert.DoesNotContain("routed follow-up", handled);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await Eventually.TrueAsync(() => handled.Contains("routed follow-up")));
        Assert.Equal(["start", "control", "local follow-up", "routed follow-up"], handled);
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }
}
