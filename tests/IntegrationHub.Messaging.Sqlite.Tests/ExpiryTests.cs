using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Messages;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class ExpiryTests
{
    [Fact]
    public async Task Expired_message_is_not_delivered_and_is_cleaned_up()
    {
        using var database = new TestDatabase();
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var options = database.Options(clock);
        options.ExpiredMessagesCleanupInterval = TimeSpan.FromSeconds(1);
        var tenSeconds = new Dictionary<string, string> { [Headers.TimeToBeReceived] = "00:00:10" };
        using (var client = TestBus.StartOneWayClient(options, routes => routes.Map<Ping>("input")))
        {
            await client.Send(new Ping("expires"), tenSeconds);
            clock.Advance(TimeSpan.FromSeconds(10));
            await client.Send(new Ping("still fresh"), tenSeconds);
        }

        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<string>();
        activator.Handle<Ping>(ping =>
        {
            handled.Enqueue(ping.Text);
            return Task.CompletedTask;
        });
        TestBus.Start(activator, options, "input");

        Assert.True(await Eventually.TrueAsync(() => handled.Contains("still fresh")));
        Assert.Equal(["still fresh"], handled);
        // The cleanup task runs every second and removes the expired row.
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }
}
