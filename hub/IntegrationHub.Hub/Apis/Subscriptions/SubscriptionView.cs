using IntegrationHub.Store.Subscriptions;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>A subscription as the API shows it: never with its webhook secret, except once in <see cref="WebhookSecret"/> when it was made.</summary>
public sealed record SubscriptionView(
    Guid Id,
    string Municipality,
    string Name,
    SubscriptionFilter Filter,
    ChannelView Channel,
    SubscriptionStatus Status,
    long StartAfterSequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    string? WebhookSecret = null)
{
    /// <summary>The view of a stored subscription; <paramref name="showSecret"/> only right after the secret was made.</summary>
    public static SubscriptionView From(Subscription s, bool showSecret = false)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Municipality, s.Name, s.Filter, ChannelView.From(s.Channel), s.Status, s.StartAfterSequence, s.CreatedAt, s.UpdatedAt, s.Version,
            showSecret ? s.Channel.Webhook?.Secret : null);
    }
}
