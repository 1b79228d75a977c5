using System.Diagnostics;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;
using Rebus.Activation;
using Rebus.Transport;
using Xunit.Abstractions;

namespace IntegrationHub.Messaging.Sqlite.Tests;

/// <summary>Lease-mode handlers hold no lock: they overlap, and other writers to the file go on meanwhile.</summary>
public sealed class LeaseConcurrencyTests(ITestOutputHelper output)
{
    private const int SlowHandlers = 10;

    [Fact]
    public async Task Slow_lease_mode_handlers_run_at_the_same_time()
    {
        using var database = new TestDatabase();
        using var activator = new BuiltinHandlerActivator();
        var inFlight = 0;
        var maxInFlight = 0;
        var handled = 0;
        activator.Handle<Numbered>(async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Interlocked.Decrement(ref inFlight);
            Interlocked.Increment(ref handled);
        });
        var bus = TestBus.Start(activator, database.LeaseOptions(), "input", o =>
        {
            o.SetNumberOfWorkers(2);
            o.SetMaxParallelism(32);
        });

        var stopwatch = Stopwatch.StartNew();
        using (var scope = new RebusTransactionScope())
        {
            for (var i = 0; i < SlowHandlers; i++)
            {
                await bus.SendLocal(new Numbered(i));
            }

            await scope.CompleteAsync();
        }

        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref handled) == SlowHandlers, TimeSpan.FromSeconds(30)));
        output.WriteLine($"{SlowHandlers} handlers of 500 ms took {stopwatch.Elapsed}; at most {maxInFlight} at once.");
        Assert.True(Volatile.Read(ref maxInFlight) > 1, $"At most {maxInFlight} handler ran at a time.");
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }

    [Fact]
    public async Task While_a_lease_mode_handler_waits_other_writers_to_the_file_proceed()
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE audit (value TEXT NOT NULL)");
        using var delivery = new BuiltinHandlerActivator();
        var deliveryStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseDelivery = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        delivery.Handle<Ping>(async _ =>
        {
            deliveryStarted.TrySetResult();
            await releaseDelivery.Task;
        });
        var deliveryBus = TestBus.Start(delivery, database.LeaseOptions(), "delivery");
        using var pipeline = new BuiltinHandlerActivator();
        var pipelineHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.Handle<Numbered>(_ =>
        {
            pipelineHandled.TrySetResult();
            return Task.CompletedTask;
        });
        var pipelineBus = TestBus.Start(pipeline, database.Options(), "pipeline");

        await deliveryBus.SendLocal(new Ping("slow webhook"));
        await deliveryStarted.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // A plain write that gives up after one second if anything held the write lock.
        InsertWithBusyTimeout(database, TimeSpan.FromSeconds(1));
        Assert.Equal(1, database.Scalar("SELECT COUNT(*) FROM audit"));
        // A transactional-mode bus on the same file sends and receives meanwhile.
        await pipelineBus.SendLocal(new Numbered(1));
        await pipelineHandled.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(await Eventually.TrueAsync(() => database.Count("pipeline") == 0));
        Assert.Equal(1, database.Count("delivery"));

        releaseDelivery.SetResult();
        Assert.True(await Eventually.TrueAsync(() => database.Count("delivery") == 0));
    }

    [Fact]
    public async Task While_a_transactional_mode_handler_waits_it_holds_the_write_lock()
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE audit (value TEXT NOT NULL)");
        using var activator = new BuiltinHandlerActivator();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        activator.Handle<Ping>(async _ =>
        {
            started.TrySetResult();
            await release.Task;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        await bus.SendLocal(new Ping("slow"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The contrast that shows the previous test is meaningful: the same write times out here.
        var error = Record.Exception(() => InsertWithBusyTimeout(database, TimeSpan.FromMilliseconds(200)));
        release.SetResult();
        Assert.Equal(5, Assert.IsType<SqliteException>(error).SqliteErrorCode & 0xFF);
        Assert.True(await Eventually.TrueAsync(() => database.Count("input") == 0));
    }

    private static void InsertWithBusyTimeout(TestDatabase database, TimeSpan busyTimeout)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = 1 }.ToString());
        connection.Open();
        // A separate command: Microsoft.Data.Sqlite does not report SQLITE_BUSY from a statement that follows a
        // row-returning one (the pragma returns the new timeout) in the same command; the insert would silently not run.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds};";
            pragma.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (value) VALUES ('written meanwhile');";
        command.ExecuteNonQuery();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
