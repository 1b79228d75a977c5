using Microsoft.Data.Sqlite;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// The SQLite connection and transaction that the transport's writes for a Rebus transaction context go into.
/// In a transactional-mode message handler it is the receive transaction: the incoming message is deleted in it, messages the handler
/// sends are inserted in it, and the handler's own commands should use it, so that all of it commits (or rolls back)
/// together when Rebus completes the message. Outside a handler it is the caller's transaction, enlisted with
/// <see cref="SqliteTransactionContextExtensions.UseSqliteTransaction(RebusTransactionScope, SqliteConnection, SqliteTransaction)"/>.
/// </summary>
/// <remarks>
/// Run commands with <c>command.Transaction = Transaction</c> and do not commit, roll back or dispose either object:
/// Rebus owns a receive transaction, the caller owns an enlisted one. The connection is not thread-safe, so do not run
/// commands on it concurrently (for example from <c>Task.WhenAll</c>).
/// </remarks>
public sealed class SqliteTransportTransaction
{
    internal SqliteTransportTransaction(SqliteConnection connection, SqliteTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
        DatabasePath = DatabasePaths.Of(connection);
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The active transaction on <see cref="Connection"/>.</summary>
    public SqliteTransaction Transaction { get; }

    /// <summary>The database file, to refuse writes meant for another database.</summary>
    internal string DatabasePath { get; }

    /// <summary>
    /// The transaction of <paramref name="context"/>: the receive transaction inside a transactional-mode handler, the
    /// enlisted one in a scope that called <c>UseSqliteTransaction</c>, otherwise null (sends then use their own
    /// connection on commit). A lease-mode handler's context has no receive transaction.
    /// </summary>
    public static SqliteTransportTransaction? Current(ITransactionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(TransactionContextKeys.Receive, out var received) && received is SqliteReceiveTransaction receive)
        {
            return receive.Exposed;
        }

        return context.Items.TryGetValue(TransactionContextKeys.Enlisted, out var enlisted) ? enlisted as SqliteTransportTransaction : null;
    }

    /// <summary>Deconstructs into <c>(connection, transaction)</c>.</summary>
    public void Deconstruct(out SqliteConnection connection, out SqliteTransaction transaction)
    {
        connection = Connection;
        transaction = Transaction;
    }
}
