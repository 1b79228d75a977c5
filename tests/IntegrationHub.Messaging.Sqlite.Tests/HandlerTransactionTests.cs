using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Bus;
using Rebus.Pipeline;
using Rebus.Retry.Simple;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class HandlerTransactionTests
{
    [Fact]
    public async Task Handler_work_and_its_outgoing_message_commit_together_with_the_receive()
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE state (value TEXT NOT NULL)");
        using var activator = new BuiltinHandlerActivator();
        activator.Handle<DoWork>((bus, context, work) => WriteStateAndSendAsync(bus, context, work.Value, work.Fail));
        var bus = TestBus.Start(activator, database.Options(), "input");

        await bus.SendLocal(new DoWork("ärende-1", Fail: false));

        Assert.True(await Eventually.TrueAsync(() => database.Count("sink") == 1));
        Assert.Equal(1, database.Scalar("SELECT COUNT(*) FROM state WHERE value = 'ärende-1'"));
        Assert.Equal(0, database.Count("input"));
    }

    [Fact]
    public async Task Handler_work_and_its_outgoing_message_roll_back_together_when_the_handler_throws()
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE state (value TEXT NOT NULL)");
        using var activator = new BuiltinHandlerActivator();
        var attempts = 0;
        activator.Handle<DoWork>(async (bus, context, work) =>
        {
            Interlocked.Increment(ref attempts);
            await WriteStateAndSendAsync(bus, context, work.Value, work.Fail);
        });
        var bus = TestBus.Start(activator, database.Options(), "input", o => o.RetryStrategy(maxDeliveryAttempts: 2));

        await bus.SendLocal(new DoWork("ärende-2", Fail: true));

        Assert.True(await Eventually.TrueAsync(() => database.Count("error") == 1));
        Assert.Equal(2, Volatile.Read(ref attempts));
        Assert.Equal(0, database.Scalar("SELECT COUNT(*) FROM state"));
        Assert.Equal(0, database.Count("sink"));
        Assert.Equal(0, database.Count("input"));
    }

    [Fact]
    public async Task A_failed_attempt_is_undone_before_a_second_level_retry_in_the_same_receive()
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE state (value TEXT NOT NULL)");
        using var activator = new BuiltinHandlerActivator();
        activator.Handle<DoWork>((bus, context, work) => WriteStateAndSendAsync(bus, context, "first-level", work.Fail));
        activator.Handle<IFailed<DoWork>>((bus, context, _) => WriteStateAndSendAsync(bus, context, "second-level", fail: false));
        var bus = TestBus.Start(activator, database.Options(), "input", o => o.RetryStrategy(maxDeliveryAttempts: 1, secondLevelRetriesEnabled: true));

        await bus.SendLocal(new DoWork("ignored", Fail: true));

        Assert.True(await Eventually.TrueAsync(() => database.Count("sink") == 1));
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
        Assert.Equal(1, database.Scalar("SELECT COUNT(*) FROM state"));
        Assert.Equal(1, database.Scalar("SELECT COUNT(*) FROM state WHERE value = 'second-level'"));
        Assert.Equal(0, database.Count("error"));
    }

    private static async Task WriteStateAndSendAsync(IBus bus, IMessageContext context, string value, bool fail)
    {
        var (connection, transaction) = context.GetSqliteTransaction();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO state (value) VALUES ($value)";
            command.Parameters.AddWithValue("$value", value);
            await command.ExecuteNonQueryAsync();
        }

        await bus.Advanced.Routing.Send("sink", new WorkDone(value));
        if (fail)
        {
            throw new InvalidOperationException("Failing after writing state and sending.");
        }
    }
}
