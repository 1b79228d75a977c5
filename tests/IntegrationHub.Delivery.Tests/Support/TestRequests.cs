using IntegrationHub.Canonical.Model;
using IntegrationHub.Store;
using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>Delivery requests as the hub's dispatcher hands them to a channel: a subscription, the stored event and its case.</summary>
internal static class TestRequests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>An active subscription of the event's municipality to every event, pushed through <paramref name="channel"/>.</summary>
    public static Subscription Subscription(DeliveryChannel channel, string municipality) => new()
    {
        Id = Guid.NewGuid(),
        Municipality = municipality,
        Name = "Ärendeportalen (test)",
        Filter = new SubscriptionFilter { ClassificationCeiling = DataClassification.Restricted },
        Channel = channel,
        Status = SubscriptionStatus.Active,
        StartAfterSequence = 0,
        CreatedAt = Created,
        UpdatedAt = Created,
        Version = 1,
    };

    /// <summary>The event stored with a sequence and correlated with the case it describes.</summary>
    public static DeliveryRequest For(DeliveryChannel channel, CaseEvent caseEvent, long sequence = 1)
    {
        var record = CaseOf(caseEvent, sequence);
        return new DeliveryRequest(
            Subscription(channel, caseEvent.Municipality),
            new StoredEvent(sequence, caseEvent.Time.AddSeconds(1), record.Id, caseEvent),
            record);
    }

    /// <summary>A webhook subscription.</summary>
    public static DeliveryRequest Webhook(Uri url, string secret, CaseEvent caseEvent, WebhookMode mode = WebhookMode.Structured, int timeoutSeconds = 10) =>
        For(new DeliveryChannel
        {
            Kind = DeliveryChannelKind.Webhook,
            Webhook = new WebhookSettings { Url = url, Secret = secret, Mode = mode, TimeoutSeconds = timeoutSeconds },
        }, caseEvent);

    /// <summary>A RabbitMQ subscription.</summary>
    public static DeliveryRequest RabbitMq(string exchange, CaseEvent caseEvent, string broker = "default") =>
        For(new DeliveryChannel { Kind = DeliveryChannelKind.RabbitMq, RabbitMq = new RabbitMqSettings { Broker = broker, Exchange = exchange } }, caseEvent);

    /// <summary>The hub's record of the case an event describes.</summary>
    public static CaseRecord CaseOf(CaseEvent caseEvent, long sequence) => new()
    {
        Id = caseEvent.Data.Case.HubCaseId ?? Guid.NewGuid(),
        Municipality = caseEvent.Municipality,
        SourceSystem = caseEvent.Data.Case.SourceSystem,
        SourceCaseId = caseEvent.Data.Case.SourceCaseId,
        CaseNumber = caseEvent.Data.Case.CaseNumber,
        Diarienummer = caseEvent.Data.Case.Diarienummer,
        Title = caseEvent.Data.Case.Title,
        CaseType = caseEvent.Data.Case.CaseType,
        Classification = caseEvent.DataClassification,
        OpenedAt = caseEvent.Data.Event.OccurredAt,
        UpdatedAt = caseEvent.Data.Event.OccurredAt,
        LastSequence = sequence,
    };
}
