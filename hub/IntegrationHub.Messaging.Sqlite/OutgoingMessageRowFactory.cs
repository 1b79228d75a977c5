using System.Globalization;
using System.Text.Json;
using Rebus.Extensions;
using Rebus.Messages;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Turns a Rebus transport message into a row: recipient, priority, visibility (native deferral) and expiry.</summary>
/// <param name="timeProvider">The transport's clock.</param>
internal sealed class OutgoingMessageRowFactory(TimeProvider timeProvider)
{
    /// <summary>Builds the row for a message sent to <paramref name="destinationAddress"/>.</summary>
    public OutgoingMessageRow Create(string destinationAddress, TransportMessage message)
    {
        // Copy: the same TransportMessage may be sent to several queues and must not be changed for the others.
        var headers = new Dictionary<string, string>(message.Headers);
        var now = timeProvider.GetUtcNow();
        var recipient = destinationAddress;
        var visibleAfter = now.ToUnixTimeMilliseconds();

        if (destinationAddress == SqliteTransport.NativeDeferralAddress)
        {
            // Rebus "sends to the timeout manager"; we are the timeout manager: store the message for its real
            // recipient, invisible until due. Dropping the header keeps Rebus from deferring it again on receive.
            recipient = headers.GetValueOrNull(Headers.DeferredRecipient) is { Length: > 0 } deferredRecipient
                ? deferredRecipient
                : throw new InvalidOperationException($"A deferred message has no '{Headers.DeferredRecipient}' header, so the SQLite transport does not know which queue to deliver it to.");
            if (headers.Remove(Headers.DeferredUntil, out var deferredUntil))
            {
                visibleAfter = deferredUntil.ToDateTimeOffset().ToUnixTimeMilliseconds();
            }
        }

        long? expiration = headers.TryGetValue(Headers.TimeToBeReceived, out var timeToBeReceived)
            ? now.Add(ParseTimeToBeReceived(timeToBeReceived)).ToUnixTimeMilliseconds()
            : null;

        return new OutgoingMessageRow(
            recipient,
            ParsePriority(headers),
            visibleAfter,
            expiration,
            JsonSerializer.Serialize(headers, MessageHeadersJsonContext.Default.DictionaryStringString),
            message.Body);
    }

    private static int ParsePriority(Dictionary<string, string> headers) =>
        !headers.TryGetValue(SqliteTransportHeaders.MessagePriority, out var value) ? 0
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) ? priority
        : throw new FormatException($"The '{SqliteTransportHeaders.MessagePriority}' header must be an integer, but was '{value}'.");

    private static TimeSpan ParseTimeToBeReceived(string value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var timeToBeReceived) && timeToBeReceived >= TimeSpan.Zero
            ? timeToBeReceived
            : throw new FormatException($"The '{Headers.TimeToBeReceived}' header must be a non-negative time span, but was '{value}'.");
}
