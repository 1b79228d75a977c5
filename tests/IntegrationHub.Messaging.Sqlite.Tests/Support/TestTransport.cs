using System.Text;
using Rebus.Logging;
using Rebus.Messages;
using Rebus.Threading.TaskParallelLibrary;
using Rebus.Transport;

namespace IntegrationHub.Messaging.Sqlite.Tests.Support;

/// <summary>The transport without a bus, so a test can receive and then ACK, NACK or abandon a message itself.</summary>
public static class TestTransport
{
    internal static SqliteTransport Create(SqliteTransportOptions options, string inputQueue, TimeProvider clock)
    {
        var loggerFactory = new NullLoggerFactory();
        return SqliteTransport.Create(options, inputQueue, clock, loggerFactory, new TplAsyncTaskFactory(loggerFactory));
    }

    /// <summary>Sends a message with a fresh id to <paramref name="queue"/> and returns the id.</summary>
    internal static async Task<string> SendAsync(SqliteTransport transport, string queue, string text)
    {
        var id = Guid.NewGuid().ToString();
        var message = new TransportMessage(new Dictionary<string, string> { [Headers.MessageId] = id }, Encoding.UTF8.GetBytes(text));
        using var scope = new RebusTransactionScope();
        await transport.Send(queue, message, scope.TransactionContext);
        await scope.CompleteAsync();
        return id;
    }

    /// <summary>The id of the message received in <paramref name="scope"/>, or null when none was visible.</summary>
    internal static async Task<string?> ReceiveIdAsync(SqliteTransport transport, RebusTransactionScope scope)
    {
        var message = await transport.Receive(scope.TransactionContext, CancellationToken.None);
        return message?.Headers[Headers.MessageId];
    }
}
