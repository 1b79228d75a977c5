using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Subscriptions;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.Delivery.RabbitMq;

/// <summary>
/// Publishes an event to a topic exchange in the CloudEvents AMQP binding's binary mode: the event's data as the body
/// (<c>application/json</c>), every context attribute as an application property named <c>cloudEvents:{attribute}</c>,
/// persistent, with the CloudEvent id as the message id, and done only once the broker confirmed it.
/// </summary>
public sealed class RabbitMqChannel(RabbitMqPublisher publisher, TimeProvider timeProvider) : IDeliveryChannel
{
    /// <summary>The prefix the CloudEvents AMQP binding gives attribute properties.</summary>
    public const string AttributePrefix = "cloudEvents:";

    /// <inheritdoc />
    public DeliveryChannelKind Kind => DeliveryChannelKind.RabbitMq;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Subscription.Channel.RabbitMq
            ?? throw new InvalidOperationException($"Subscription {request.Subscription.Id} has no RabbitMQ settings.");
        if (!publisher.Knows(settings.Broker))
        {
            return DeliveryOutcome.Transient(
                $"No RabbitMQ broker named '{settings.Broker}' is configured; add {RabbitMqOptions.Section}:Brokers:{settings.Broker}:Uri and restart, then the delivery continues.");
        }

        var caseEvent = request.Event.Event;
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttributePrefix + "specversion"] = "1.0" };
        foreach (var (name, value) in CaseEventFormatter.ContextAttributes(caseEvent))
        {
            headers[AttributePrefix + name] = value;
        }

        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = caseEvent.Id,
            ContentType = "application/json",
            ContentEncoding = "utf-8",
            Type = caseEvent.Type,
            AppId = "integrationhub",
            CorrelationId = request.Case?.Id.ToString(),
            Timestamp = new AmqpTimestamp(timeProvider.GetUtcNow().ToUnixTimeSeconds()),
            Headers = headers,
        };
        var routingKey = RabbitMqRouting.RoutingKey(caseEvent.Municipality, request.Case?.CaseType, caseEvent.Type);
        try
        {
            await publisher.PublishAsync(settings.Broker, settings.Exchange, routingKey, properties, CaseEventFormatter.EncodeBinaryData(caseEvent), cancellationToken);
            return DeliveryOutcome.Delivered;
        }
        catch (PublishException)
        {
            return DeliveryOutcome.Transient($"The broker '{settings.Broker}' did not confirm the message (nack).");
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 403 or 406)
        {
            return DeliveryOutcome.Rejected(
                $"The broker '{settings.Broker}' refused exchange '{settings.Exchange}': {e.ShutdownReason.ReplyText}. Fix the exchange or the user's permissions, then replay.");
        }
        catch (Exception e) when (e is RabbitMQClientException or OperationInterruptedException or AlreadyClosedException or IOException or System.Net.Sockets.SocketException)
        {
            return DeliveryOutcome.Transient($"The broker '{settings.Broker}' cannot be reached now ({e.GetType().Name}).");
        }
    }
}
