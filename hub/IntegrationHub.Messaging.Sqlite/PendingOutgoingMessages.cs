using System.Collections.Concurrent;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Messages sent in a transaction context that has no SQLite transaction of its own; written when it commits.</summary>
internal sealed class PendingOutgoingMessages
{
    private readonly ConcurrentQueue<OutgoingMessageRow> _rows = new();

    /// <summary>Queues a message.</summary>
    public void Add(OutgoingMessageRow row) => _rows.Enqueue(row);

    /// <summary>Removes and returns everything queued so far, in send order.</summary>
    public List<OutgoingMessageRow> TakeAll()
    {
        var rows = new List<OutgoingMessageRow>();
        while (_rows.TryDequeue(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }
}
