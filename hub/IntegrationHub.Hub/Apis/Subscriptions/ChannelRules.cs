using System.Net.Sockets;
using System.Text.RegularExpressions;
using IntegrationHub.Delivery.Email;
using IntegrationHub.Delivery.RabbitMq;
using IntegrationHub.Delivery.Webhooks;
using IntegrationHub.Store.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>Checks a channel request against the rules and the hub's configuration; every failure names the field and the rule.</summary>
public sealed partial class ChannelRules(RabbitMqPublisher brokers, IOptions<EmailNotificationOptions> email, OutboundAddressPolicy addresses)
{
    /// <summary>
    /// The channel, or a 400. A webhook keeps <paramref name="current"/>'s secret when it stays a webhook; a new webhook
    /// gets a new secret. A webhook's host must be public or allow-listed (<see cref="OutboundAddressPolicy"/>); a name
    /// is resolved for that, and one that does not resolve now is accepted (delivery checks it again at every connection).
    /// </summary>
    public async Task<(DeliveryChannel? Channel, ProblemHttpResult? Problem)> ToChannelAsync(ChannelRequest? request, DeliveryChannel? current, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return (current ?? DeliveryChannel.Feed, null);
        }

        var orderPerCase = request.OrderPerCase ?? false;
        return request.Kind switch
        {
            null or "feed" => (DeliveryChannel.Feed, null),
            "webhook" => await CheckTarget(Webhook(request.Webhook, orderPerCase, current?.Webhook?.Secret), cancellationToken),
            "rabbitMq" => RabbitMq(request.RabbitMq, orderPerCase),
            "email" => Email(request.Email, orderPerCase),
            _ => (null, Problems.InvalidParameter("/channel/kind", "enum", "channel.kind is one of feed, webhook, rabbitMq, email.")),
        };
    }

    private async Task<(DeliveryChannel?, ProblemHttpResult?)> CheckTarget((DeliveryChannel? Channel, ProblemHttpResult? Problem) checkedSoFar, CancellationToken cancellationToken)
    {
        if (checkedSoFar.Channel?.Webhook is not { } webhook)
        {
            return checkedSoFar;
        }

        OutboundAddressCheck check;
        try
        {
            check = await addresses.CheckAsync(webhook.Url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return checkedSoFar;
        }

        return check.IsAllowed
            ? checkedSoFar
            : (null, Problems.InvalidParameter("/channel/webhook/url", "publicAddress",
                $"channel.webhook.url is refused: {check.Reason}. The hub posts webhooks only to public addresses, so that a subscription cannot reach "
                + $"the hub itself or the municipality's internal systems. If this endpoint is meant to be internal, an administrator allows it in {OutboundAddressPolicy.AllowListSettings}."));
    }

    private static (DeliveryChannel?, ProblemHttpResult?) Webhook(WebhookRequest? request, bool orderPerCase, string? secret)
    {
        if (request is null)
        {
            return (null, Problems.InvalidParameter("/channel/webhook", "required", "A webhook channel needs channel.webhook with its url."));
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Host.Length == 0)
        {
            return (null, Problems.InvalidParameter("/channel/webhook/url", "format", "channel.webhook.url is the absolute https:// (or http://) address the hub posts events to."));
        }

        if (url.UserInfo.Length > 0)
        {
            return (null, Problems.InvalidParameter("/channel/webhook/url", "noCredentials", "channel.webhook.url must not carry a user name or password; requests are signed instead."));
        }

        var mode = request.Mode switch
        {
            null or "structured" => WebhookMode.Structured,
            "binary" => WebhookMode.Binary,
            _ => (WebhookMode?)null,
        };
        if (mode is null)
        {
            return (null, Problems.InvalidParameter("/channel/webhook/mode", "enum", "channel.webhook.mode is structured or binary."));
        }

        if (request.TimeoutSeconds is < 1 or > 60)
        {
            return (null, Problems.InvalidParameter("/channel/webhook/timeoutSeconds", "range", "channel.webhook.timeoutSeconds is between 1 and 60."));
        }

        return (new DeliveryChannel
        {
            Kind = DeliveryChannelKind.Webhook,
            OrderPerCase = orderPerCase,
            Webhook = new WebhookSettings { Url = url, Mode = mode.Value, TimeoutSeconds = request.TimeoutSeconds ?? 10, Secret = secret ?? WebhookSignature.NewSecret() },
        }, null);
    }

    private (DeliveryChannel?, ProblemHttpResult?) RabbitMq(RabbitMqRequest? request, bool orderPerCase)
    {
        var broker = request?.Broker ?? "default";
        if (!brokers.Knows(broker))
        {
            return (null, Problems.InvalidParameter("/channel/rabbitMq/broker", "configured",
                $"No RabbitMQ broker '{broker}' is configured in this hub; an administrator adds it as {RabbitMqOptions.Section}:Brokers:{broker}:Uri."));
        }

        if (request?.Exchange is not { } exchange || !ExchangeName().IsMatch(exchange) || exchange.StartsWith("amq.", StringComparison.Ordinal))
        {
            return (null, Problems.InvalidParameter("/channel/rabbitMq/exchange", "pattern",
                "channel.rabbitMq.exchange is the topic exchange's name: 1–127 letters, digits, '.', '_', '-' or ':', not starting with 'amq.'."));
        }

        return (new DeliveryChannel { Kind = DeliveryChannelKind.RabbitMq, OrderPerCase = orderPerCase, RabbitMq = new RabbitMqSettings { Broker = broker, Exchange = exchange } }, null);
    }

    private (DeliveryChannel?, ProblemHttpResult?) Email(EmailRequest? request, bool orderPerCase)
    {
        if (!email.Value.IsConfigured)
        {
            return (null, Problems.InvalidParameter("/channel/kind", "configured",
                $"This hub has no SMTP server, so it cannot send notification e-mail; an administrator sets {EmailNotificationOptions.Section}:Host and :From."));
        }

        if (!Uri.TryCreate(request?.LoginUrl, UriKind.Absolute, out var login) || login.Scheme is not ("https" or "http"))
        {
            return (null, Problems.InvalidParameter("/channel/email/loginUrl", "format", "channel.email.loginUrl is the absolute https:// address where citizens log in (Mina Sidor)."));
        }

        return (new DeliveryChannel { Kind = DeliveryChannelKind.Email, OrderPerCase = orderPerCase, Email = new EmailNotificationSettings { LoginUrl = login } }, null);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,127}$")]
    private static partial Regex ExchangeName();
}
