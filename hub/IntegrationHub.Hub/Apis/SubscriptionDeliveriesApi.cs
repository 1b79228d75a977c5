using IntegrationHub.Delivery.Webhooks;
using IntegrationHub.Hub.Apis.Subscriptions;
using IntegrationHub.Hub.Delivery;
using IntegrationHub.Store.Deliveries;
using IntegrationHub.Store.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/subscriptions/{id}/delivery</c> and <c>…/deliveries</c>: how pushing to a subscriber goes, and replays.</summary>
public static class SubscriptionDeliveriesApi
{
    private const int ShownPerState = 20;

    /// <summary>Maps the endpoints on the subscriptions group.</summary>
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{id:guid}/delivery", Status).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Delivered, pending, failing (last error, next attempt) and dead-lettered deliveries of a push subscription");
        group.MapGet("/{id:guid}/deliveries", List).RequireScope(HubScopes.SubscriptionsManage).WithSummary("A push subscription's deliveries in one or more states (pending, failing, delivered, skipped, deadLettered)");
        group.MapPost("/{id:guid}/deliveries/{sequence:long}/replay", ReplayOne).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Try a dead-lettered delivery again, from its first attempt");
        group.MapPost("/{id:guid}/deliveries/replay", ReplayAll).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Try every dead-lettered delivery of the subscription again");
    }

    private static async Task<Results<Ok<DeliveryStatusView>, ProblemHttpResult>> Status(
        Guid id, ISubscriptionStore subscriptions, IDeliveryStore deliveries, WebhookEndpoints endpoints, CancellationToken cancellationToken)
    {
        if (await subscriptions.GetAsync(id, cancellationToken) is not { } subscription)
        {
            return Problems.NotFound("subscription");
        }

        var circuit = subscription.Channel.Webhook is { } webhook ? endpoints.StateOf(webhook.Url) switch
        {
            Polly.CircuitBreaker.CircuitState.Open or Polly.CircuitBreaker.CircuitState.Isolated => "open",
            Polly.CircuitBreaker.CircuitState.HalfOpen => "half-open",
            _ => "closed",
        } : null;
        return TypedResults.Ok(new DeliveryStatusView(
            id,
            ChannelView.KindName(subscription.Channel.Kind),
            subscription.Status,
            await deliveries.CountAsync(id, cancellationToken),
            circuit,
            await deliveries.ListAsync(id, [DeliveryState.Failing], ShownPerState, cancellationToken),
            await deliveries.ListAsync(id, [DeliveryState.DeadLettered], ShownPerState, cancellationToken)));
    }

    private static async Task<Results<Ok<IReadOnlyList<Store.Deliveries.Delivery>>, ProblemHttpResult>> List(
        Guid id, ISubscriptionStore subscriptions, IDeliveryStore deliveries, CancellationToken cancellationToken, string? state = null, int limit = 100)
    {
        var states = new List<DeliveryState>();
        foreach (var name in (state ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<DeliveryState>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(name, out _))
            {
                return Problems.InvalidParameter("state", "enum", "state is a comma-separated list of pending, failing, delivered, skipped, deadLettered.");
            }

            states.Add(parsed);
        }

        if (QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit) is { } problem)
        {
            return problem;
        }

        return await subscriptions.GetAsync(id, cancellationToken) is null
            ? Problems.NotFound("subscription")
            : TypedResults.Ok(await deliveries.ListAsync(id, states, limit, cancellationToken));
    }

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> ReplayOne(
        Guid id, long sequence, IDeliveryStore deliveries, DeliveryReplay replay, CancellationToken cancellationToken)
    {
        if (await deliveries.GetAsync(id, sequence, cancellationToken) is not { State: DeliveryState.DeadLettered })
        {
            return Problems.NotFound("dead-lettered delivery");
        }

        var replayed = await replay.ReplayAsync(id, sequence, cancellationToken);
        return replayed > 0 ? TypedResults.Ok(new ReplayResult(replayed)) : Problems.NotFound("dead-lettered delivery");
    }

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> ReplayAll(
        Guid id, ISubscriptionStore subscriptions, DeliveryReplay replay, CancellationToken cancellationToken) =>
        await subscriptions.GetAsync(id, cancellationToken) is null
            ? Problems.NotFound("subscription")
            : TypedResults.Ok(new ReplayResult(await replay.ReplayAsync(id, null, cancellationToken)));
}
