using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Delivery.Tests.Contract;

/// <summary>
/// What <see cref="DeliveryChannelContract{TFixture}"/> needs from one channel kind: the channel as the hub
/// registers it, a real receiver of this test's own, and a way to take that receiver away. One fixture per test.
/// </summary>
public interface IDeliveryChannelFixture : IAsyncDisposable
{
    /// <summary>Starts the receiver and builds the channel.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The channel under test.</summary>
    IDeliveryChannel Channel { get; }

    /// <summary>
    /// The request the hub's dispatcher would make for the event on a subscription to this fixture's receiver. The
    /// fixture may address the event to its receiver (e-mail: the parties get mailboxes of this test's own).
    /// </summary>
    Task<PreparedDelivery> PrepareAsync(CaseEvent caseEvent, CancellationToken cancellationToken);

    /// <summary>Waits until the receiver holds at least <paramref name="count"/> messages in all, and returns every one received so far.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// The id the receiver sees on a message of this event, when the channel carries the CloudEvent id as it is
    /// (webhook-id, AMQP message-id); null when it derives one per recipient (e-mail Message-ID).
    /// </summary>
    string? CarriedId(CaseEvent caseEvent);

    /// <summary>From now on the receiver cannot be reached (connection refused); prepare requests after this.</summary>
    Task MakeReceiverUnreachableAsync(CancellationToken cancellationToken);
}

/// <summary>A request for the channel, and who should receive one message each.</summary>
public sealed record PreparedDelivery(DeliveryRequest Request, IReadOnlyList<string> Recipients);

/// <summary>One message as the receiver got it: to whom, and the id that makes a repeat recognisable.</summary>
public sealed record ReceivedMessage(string Recipient, string Id);
