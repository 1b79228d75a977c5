using Microsoft.Data.Sqlite;
using Rebus.Pipeline;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Access to the SQLite transaction that messages are written in: the handler's, or one enlisted by the caller.</summary>
public static class SqliteTransactionContextExtensions
{
    /// <summary>
    /// The SQLite connection and transaction of the message being handled in transactional mode. Do the handler's
    /// database work on them (<c>command.Transaction = transaction</c>): it commits together with the messages the handler
    /// sends and the removal of the incoming message, and rolls back with them when the handler throws.
    /// </summary>
    /// <remarks>
    /// A message received in lease mode has no such transaction: the handler opens its own connection and transaction,
    /// and to send atomically with them uses a <see cref="RebusTransactionScope"/> enlisted with
    /// <see cref="UseSqliteTransaction(RebusTransactionScope, SqliteConnection, SqliteTransaction)"/>, completed before it
    /// commits, exactly as code outside a handler does.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The message was not received by the SQLite transport, or was received in lease mode.
    /// </exception>
    public static SqliteTransportTransaction GetSqliteTransaction(this IMessageContext messageContext)
    {
        ArgumentNullException.ThrowIfNull(messageContext);
        var context = messageContext.TransactionContext;
        if (SqliteTransportTransaction.Current(context) is { } current)
        {
            return current;
        }

        throw new InvalidOperationException(context.Items.ContainsKey(TransactionContextKeys.Lease)
            ? "This message was received in lease mode (SqliteTransportOptions.LeaseDuration is set), which holds no SQLite transaction while the handler runs. Open a connection and transaction of your own; to send messages atomically with it, enlist it in a RebusTransactionScope with UseSqliteTransaction and complete the scope before committing."
            : "This message context has no SQLite transaction: the message was not received by the SQLite transport.");
    }

    /// <summary>The SQLite transaction of a Rebus transaction context, or null when it has none (see <see cref="SqliteTransportTransaction.Current"/>).</summary>
    public static SqliteTransportTransaction? GetSqliteTransaction(this ITransactionContext context) =>
        SqliteTransportTransaction.Current(context);

    /// <summary>
    /// Makes the scope write its outgoing messages with the caller's own connection and transaction, so they become
    /// visible only if the caller commits. Complete the scope (that writes the rows) before committing the transaction.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var transaction = connection.BeginTransaction();
    /// // ... the caller's own writes ...
    /// using (var scope = new RebusTransactionScope())
    /// {
    ///     scope.UseSqliteTransaction(connection, transaction);
    ///     await bus.Send(message);
    ///     await scope.CompleteAsync();
    /// }
    /// await transaction.CommitAsync();
    /// </code>
    /// </example>
    public static void UseSqliteTransaction(this RebusTransactionScope scope, SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.TransactionContext.UseSqliteTransaction(connection, transaction);
    }

    /// <summary>Like the <see cref="RebusTransactionScope"/> overload, for any Rebus transaction context.</summary>
    /// <exception cref="ArgumentException">The transaction is not an active transaction of the connection.</exception>
    /// <exception cref="InvalidOperationException">The context already has a different SQLite transaction.</exception>
    public static void UseSqliteTransaction(this ITransactionContext context, SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction must be an active (not yet committed or rolled back) transaction of the given connection.", nameof(transaction));
        }

        if (SqliteTransportTransaction.Current(context) is { } existing)
        {
            if (ReferenceEquals(existing.Transaction, transaction))
            {
                return;
            }

            throw new InvalidOperationException("This Rebus transaction context already uses another SQLite transaction.");
        }

        context.Items[TransactionContextKeys.Enlisted] = new SqliteTransportTransaction(connection, transaction);
    }
}
