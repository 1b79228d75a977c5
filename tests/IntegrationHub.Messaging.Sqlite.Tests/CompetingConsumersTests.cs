using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Transport;
using Xunit.Abstractions;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class CompetingConsumersTests(ITestOutputHelper output)
{
    private const int MessageCount = 200;

    /// <summary>In lease mode the handlers wait a little ("network I/O"), so both buses have several in flight at once.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_buses_on_one_file_handle_every_message_exactly_once(bool leaseMode)
    {
        using var database = new TestDatabase();
        var options = leaseMode ? database.LeaseOptions() : database.Options();
        var deliveries = new ConcurrentDictionary<int, int>();
        var perBus = new int[2];
        using var first = Consumer(0);
        using var second = Consumer(1);
        TestBus.Start(first, options, "work", Parallel);
        TestBus.Start(second, options, "work", Parallel);
        using var client = TestBus.StartOneWayClient(database.Options(), routes => routes.Map<Numbered>("work"));

        // Sent while both consumers poll, in batches of 20 per transaction, so senders and receivers compete for the lock.
        for (var batch = 0; batch < MessageCount / 20; batch++)
        {
            using var scope = new RebusTransactionScope();
            for (var i = 0; i < 20; i++)
            {
                await client.Send(new Numbered((batch * 20) + i));
            }

            await scope.CompleteAsync();
        }

        Assert.True(await Eventually.TrueAsync(() => deliveries.Count == MessageCount, TimeSpan.FromSeconds(45)), $"Handled {deliveries.Count} of {MessageCount}.");
        Assert.True(await Eventually.TrueAsync(() => database.Count("work") == 0));
        output.WriteLine($"Handled by bus 1: {perBus[0]}, by bus 2: {perBus[1]}");
        Assert.All(deliveries, delivery => Assert.Equal(1, delivery.Value));
        Assert.Equal(MessageCount, perBus[0] + perBus[1]);

        BuiltinHandlerActivator Consumer(int index)
        {
            var activator = new BuiltinHandlerActivator();
            activator.Handle<Numbered>(async message =>
            {
                deliveries.AddOrUpdate(message.Number, 1, (_, count) => count + 1);
                Interlocked.Increment(ref perBus[index]);
                if (leaseMode)
                {
                    await Task.Delay(5);
                }
            });
            return activator;
        }

        void Parallel(Rebus.Config.OptionsConfigurer rebus)
        {
            rebus.SetNumberOfWorkers(2);
            rebus.SetMaxParallelism(leaseMode ? 8 : 2);
        }
    }
}
