using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Subscriptions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>
/// POSTs an event to a subscriber's endpoint in the CloudEvents HTTP binding (structured or binary mode), signed with
/// the subscription's secret (<see cref="WebhookSignature"/>). Any 2xx is success; 400, 410, 413, 415 and 422 say that
/// this request will never be accepted (dead-letter at once); everything else — other statuses, timeouts, refused
/// connections, an open circuit — is worth another attempt later. A target the <see cref="OutboundAddressPolicy"/>
/// refuses at connection time (a name that now resolves to an internal address) is dead-lettered at once.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory httpClients, WebhookEndpoints endpoints, TimeProvider timeProvider) : IDeliveryChannel
{
    /// <summary>The named <see cref="HttpClient"/> webhooks are sent with.</summary>
    public const string HttpClientName = "ihub-webhooks";

    private static readonly MediaTypeHeaderValue StructuredType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=utf-8");
    private static readonly MediaTypeHeaderValue BinaryType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
    private static readonly HashSet<HttpStatusCode> Permanent =
        [HttpStatusCode.BadRequest, HttpStatusCode.Gone, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity];

    /// <inheritdoc />
    public DeliveryChannelKind Kind => DeliveryChannelKind.Webhook;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Subscription.Channel.Webhook
            ?? throw new InvalidOperationException($"Subscription {request.Subscription.Id} has no webhook settings.");
        var caseEvent = request.Event.Event;
        var body = settings.Mode == WebhookMode.Structured ? CaseEventFormatter.EncodeStructured(caseEvent) : CaseEventFormatter.EncodeBinaryData(caseEvent);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        // Header values are ASCII: an id with other characters is percent-encoded, as the ce-id header is, and signed as sent.
        var webhookId = RequestState.HeaderValue(caseEvent.Id);
        var signature = WebhookSignature.Sign(settings.Secret, webhookId, timestamp, body);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WebhookEndpoints.TimeoutKey, TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await endpoints.For(settings.Url).ExecuteAsync(
                async (ctx, state) =>
                {
                    using var message = state.Build();
                    return await httpClients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken);
                },
                context,
                new RequestState(settings, caseEvent, body, webhookId, timestamp, signature));
            return Judge(response);
        }
        catch (BrokenCircuitException)
        {
            return DeliveryOutcome.Transient($"The circuit for {settings.Url.GetLeftPart(UriPartial.Authority)} is open after repeated failures; no request was sent.");
        }
        catch (TimeoutRejectedException)
        {
            return DeliveryOutcome.Transient($"No answer from the endpoint within {settings.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e) when (OutboundAddressRefusedException.FindIn(e) is { } refused)
        {
            return DeliveryOutcome.Rejected(
                $"The hub refused to connect: {refused.Message}. Webhooks go only to public addresses unless an administrator allows the target in "
                + $"{OutboundAddressPolicy.AllowListSettings}; correct the subscription's URL or the allow-list, then replay.");
        }
        catch (HttpRequestException e)
        {
            return DeliveryOutcome.Transient($"Could not reach the endpoint ({e.HttpRequestError}).");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private DeliveryOutcome Judge(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return DeliveryOutcome.Delivered;
        }

        var what = $"The endpoint answered {status} {response.ReasonPhrase}".TrimEnd() + ".";
        if (Permanent.Contains(response.StatusCode))
        {
            return DeliveryOutcome.Rejected(response.StatusCode == HttpStatusCode.Gone
                ? what + " It says it no longer takes these events; pause or delete the subscription, or replay once it is fixed."
                : what + " It refuses this request, so sending it again unchanged cannot help.");
        }

        return DeliveryOutcome.Transient(what, RetryAfter(response));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    private sealed record RequestState(WebhookSettings Settings, Canonical.Model.CaseEvent Event, byte[] Body, string WebhookId, long Timestamp, string Signature)
    {
        public HttpRequestMessage Build()
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = Settings.Mode == WebhookMode.Structured ? StructuredType : BinaryType;
            var message = new HttpRequestMessage(HttpMethod.Post, Settings.Url) { Content = content };
            if (Settings.Mode == WebhookMode.Binary)
            {
                message.Headers.TryAddWithoutValidation("ce-specversion", "1.0");
                foreach (var (name, value) in CaseEventFormatter.ContextAttributes(Event))
                {
                    message.Headers.TryAddWithoutValidation("ce-" + name, HeaderValue(value));
                }
            }

            message.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, WebhookId);
            message.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, Timestamp.ToString(CultureInfo.InvariantCulture));
            message.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, Signature);
            return message;
        }

        // The HTTP binding percent-encodes what is not printable ASCII, and space, '"' and '%' (CloudEvents HTTP binding 3.1.3.2).
        public static string HeaderValue(string value) =>
            string.Concat(value.EnumerateRunes().Select(r => r.Value is > ' ' and < 127 and not '"' and not '%'
                ? r.ToString()
                : string.Concat(System.Text.Encoding.UTF8.GetBytes(r.ToString()).Select(b => $"%{b:X2}"))));
    }
}
