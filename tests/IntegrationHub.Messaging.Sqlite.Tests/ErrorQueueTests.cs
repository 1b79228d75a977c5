using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Messages;
using Rebus.Retry.Simple;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class ErrorQueueTests
{
    [Theory]
    [InlineData(ErrorHandlerMode.Immediately)]
    [InlineData(ErrorHandlerMode.NextDelivery)]
    public async Task Failing_message_is_retried_then_moved_to_the_error_queue_with_its_headers(ErrorHandlerMode mode)
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var attempts = 0;
        activator.Handle<Ping>(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("boom");
        });
        var bus = TestBus.Start(activator, database.Options(), "input", o => o.RetryStrategy(maxDeliveryAttempts: 3, errorHandlerMode: mode));

        await bus.SendLocal(new Ping("poison"), new Dictionary<string, string> { ["x-kommun"] = "0180" });

        Assert.True(await Eventually.TrueAsync(() => database.Count("error") == 1));
        Assert.Equal(3, Volatile.Read(ref attempts));
        Assert.Equal(0, database.Count("input"));
        var headers = Assert.Single(database.Headers("error"));
        Assert.Equal("0180", headers["x-kommun"]);
        Assert.Equal("input", headers[Headers.SourceQueue]);
        Assert.Contains("boom", headers[Headers.ErrorDetails], StringComparison.Ordinal);
        Assert.Contains(nameof(Ping), headers[Headers.Type], StringComparison.Ordinal);
    }
}
