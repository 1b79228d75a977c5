using System.Collections.Concurrent;
using IntegrationHub.Messaging.Sqlite.Tests.Messages;
using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Rebus.Activation;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class EnlistedTransactionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Message_sent_with_an_enlisted_transaction_exists_only_if_the_caller_commits(bool commit)
    {
        using var database = new TestDatabase();
        database.Execute("CREATE TABLE events (value TEXT NOT NULL)");
        using var activator = new BuiltinHandlerActivator();
        var handled = new ConcurrentQueue<string>();
        activator.Handle<Ping>(ping =>
        {
            handled.Enqueue(ping.Text);
            return Task.CompletedTask;
        });
        var bus = TestBus.Start(activator, database.Options(), "input");

        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO events (value) VALUES ('appended')";
                await command.ExecuteNonQueryAsync();
            }

            using (var scope = new RebusTransactionScope())
            {
                scope.UseSqliteTransaction(connection, transaction);
                Assert.Same(transaction, scope.TransactionContext.GetSqliteTransaction()?.Transaction);
                await bus.SendLocal(new Ping("enlisted"));
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

        // Sent after the enlisted one, so in FIFO order it is handled after it (when that one exists).
        await bus.SendLocal(new Ping("after"));

        Assert.True(await Eventually.TrueAsync(() => handled.Contains("after")));
        Assert.Equal(commit ? ["enlisted", "after"] : ["after"], handled);
        Assert.Equal(commit ? 1 : 0, database.Scalar("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task Scope_that_is_not_completed_writes_nothing_even_if_the_caller_commits()
    {
        using var database = new TestDatabase();
        using var client = TestBus.StartOneWayClient(database.Options(), routes => routes.Map<Ping>("input"));

        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            using (var scope = new RebusTransactionScope())
            {
                scope.UseSqliteTransaction(connection, transaction);
                await client.Send(new Ping("abandoned"));
            }

            await transaction.CommitAsync();
        }

        using (var scope = new RebusTransactionScope())
        {
            await client.Send(new Ping("own transaction, abandoned"));
        }

        Assert.Equal(0, database.Count("input"));
    }

    [Fact]
    public async Task Completing_the_scope_after_the_caller_committed_is_a_clear_error()
    {
        using var database = new TestDatabase();
        using var client = TestBus.StartOneWayClient(database.Options(), routes => routes.Map<Ping>("input"));
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var scope = new RebusTransactionScope();
        scope.UseSqliteTransaction(connection, transaction);
        await client.Send(new Ping("too late"));
        await transaction.CommitAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(scope.CompleteAsync);

        Assert.Contains("already committed or rolled back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enlisting_a_transaction_of_another_connection_is_rejected()
    {
        using var database = new TestDatabase();
        using var connection = database.Open();
        using var other = database.Open();
        using var transaction = other.BeginTransaction(deferred: true);
        using var scope = new RebusTransactionScope();

        Assert.Throws<ArgumentException>(() => scope.UseSqliteTransaction(connection, transaction));
    }
}
