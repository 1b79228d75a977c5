using IntegrationHub.Hub.Apis.Subscriptions;
using IntegrationHub.Store;
using IntegrationHub.Store.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Hub.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/subscriptions</c>: who receives which events, and each subscription's feed and live stream.</summary>
public static class SubscriptionsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        // Every route with an {id} first checks that the subscription belongs to a municipality of the caller (else 404).
        var group = routes.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions").AddEndpointFilter(OwnSubscriptionsOnly);
        group.MapPost("/", Create).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Subscribe to a municipality's events, from now or replaying history from a sequence or a time");
        group.MapGet("/", List).RequireScope(HubScopes.SubscriptionsManage).WithSummary("A municipality's subscriptions");
        group.MapGet("/{id:guid}", Get).RequireScope(HubScopes.SubscriptionsManage).WithSummary("One subscription");
        group.MapPut("/{id:guid}", Update).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Change name and filter (optimistic: give the version you read)");
        group.MapPost("/{id:guid}/pause", (Guid id, ISubscriptionStore store, TimeProvider time, CancellationToken ct) => SetStatus(id, SubscriptionStatus.Paused, store, time, ct))
            .RequireScope(HubScopes.SubscriptionsManage).WithSummary("Pause: the live stream sends nothing until resumed");
        group.MapPost("/{id:guid}/resume", (Guid id, ISubscriptionStore store, TimeProvider time, CancellationToken ct) => SetStatus(id, SubscriptionStatus.Active, store, time, ct))
            .RequireScope(HubScopes.SubscriptionsManage).WithSummary("Resume");
        group.MapDelete("/{id:guid}", Delete).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Delete");
        AuditRecorder.Audited(group.MapGet("/{id:guid}/events", SubscriptionFeed.GetPage).RequireScope(HubScopes.FeedRead)
                .WithSummary("The subscription's events after a cursor (sequence), in order; events above the caller's classification ceiling are left out"),
            "feed.read", "subscription", c => c.Request.RouteValues["id"] as string);
        AuditRecorder.Audited(group.MapGet("/{id:guid}/stream", SubscriptionFeed.Stream).RequireScope(HubScopes.FeedRead)
                .WithSummary("The subscription's events as Server-Sent Events; resumes from Last-Event-ID"),
            "feed.stream", "subscription", c => c.Request.RouteValues["id"] as string);
        group.MapPost("/{id:guid}/webhook-secret", RotateSecret).RequireScope(HubScopes.SubscriptionsManage).WithSummary("Give a webhook subscription a new signing secret, shown once in the answer");
        SubscriptionDeliveriesApi.Map(group);
        return routes;
    }

    private static async Task<Results<Created<SubscriptionView>, ProblemHttpResult>> Create(
        CreateSubscriptionRequest request, HubCaller caller, ISubscriptionStore store, IHubStore hubStore, ChannelRules channels, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, filterProblem) = SubscriptionRules.ToFilter(request.Filter);
        var (channel, channelProblem) = await channels.ToChannelAsync(request.Channel, current: null, cancellationToken);
        var problem = (request.Municipality is null
                ? Problems.InvalidParameter("/municipality", "required", "Give the municipality's four-digit kommunkod.")
                : QueryParameters.CheckMunicipality(request.Municipality, required: true) is not null
                    ? Problems.InvalidParameter("/municipality", "pattern", "municipality is a four-digit kommunkod, e.g. 2281.")
                    : !caller.CanAccess(request.Municipality) ? Tenancy.OtherMunicipality("/municipality", request.Municipality)
                    : null)
            ?? SubscriptionRules.CheckName(request.Name)
            ?? filterProblem
            ?? CheckCeiling(caller, filter)
            ?? channelProblem
            ?? CheckStart(request);
        if (problem is not null)
        {
            return problem;
        }

        var startAfter = request switch
        {
            { StartAfterSequence: { } sequence } => sequence,
            { StartFromTime: { } time } => await store.SequenceBeforeAsync(time, cancellationToken),
            { StartFrom: "beginning" } => 0,
            _ => await hubStore.GetLastSequenceAsync(cancellationToken),
        };
        var now = timeProvider.GetUtcNow();
        var subscription = new Subscription
        {
            Id = Guid.CreateVersion7(now),
            Municipality = request.Municipality!,
            Name = request.Name!.Trim(),
            Filter = filter!,
            Channel = channel!,
            Status = SubscriptionStatus.Active,
            StartAfterSequence = startAfter,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await store.CreateAsync(subscription, cancellationToken);
        return TypedResults.Created($"/api/v1/subscriptions/{subscription.Id}", SubscriptionView.From(subscription, showSecret: true));
    }

    private static ProblemHttpResult? CheckStart(CreateSubscriptionRequest request)
    {
        var given = (request.StartFrom is null ? 0 : 1) + (request.StartAfterSequence is null ? 0 : 1) + (request.StartFromTime is null ? 0 : 1);
        return given > 1
            ? Problems.InvalidParameter("/startFrom", "oneOf", "Give at most one of startFrom, startAfterSequence and startFromTime.")
            : request.StartFrom is not (null or "now" or "beginning")
                ? Problems.InvalidParameter("/startFrom", "enum", "startFrom is \"now\" or \"beginning\".")
                : request.StartAfterSequence < 0
                    ? Problems.InvalidParameter("/startAfterSequence", "minimum", "startAfterSequence is 0 or a sequence number.")
                    : null;
    }

    private static async Task<Results<Ok<IReadOnlyList<SubscriptionView>>, ProblemHttpResult>> List(
        HubCaller caller, ISubscriptionStore store, CancellationToken cancellationToken, string? municipality = null)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        return problem ?? (Results<Ok<IReadOnlyList<SubscriptionView>>, ProblemHttpResult>)TypedResults.Ok<IReadOnlyList<SubscriptionView>>(
            [.. (await store.ListAsync(municipality!, cancellationToken)).Select(s => SubscriptionView.From(s))]);
    }

    /// <summary>A subscription never delivers more than its creator may read: its ceiling is at most the caller's.</summary>
    private static ProblemHttpResult? CheckCeiling(HubCaller caller, SubscriptionFilter? filter) =>
        filter is not null && !caller.MaySee(filter.ClassificationCeiling)
            ? Problems.Forbidden("/filter/classificationCeiling", "ceiling",
                $"The caller may read up to {CaseEventFormatter.ClassificationName(caller.Ceiling)}; a subscription it creates cannot deliver more (classificationCeiling {CaseEventFormatter.ClassificationName(filter.ClassificationCeiling)}).")
            : null;

    /// <summary>The endpoint filter of every route with an {id}: a subscription of another municipality is answered 404.</summary>
    private static async ValueTask<object?> OwnSubscriptionsOnly(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (context.Request.RouteValues["id"] is string raw && Guid.TryParse(raw, out var id))
        {
            var store = context.RequestServices.GetRequiredService<ISubscriptionStore>();
            if (HubCaller.From(context.User) is not { } caller
                || (await store.GetAsync(id, context.RequestAborted) is { } found && !caller.CanAccess(found.Municipality)))
            {
                return Problems.NotFound("subscription");
            }
        }

        return await next(invocation);
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Get(Guid id, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(SubscriptionView.From(found)) : Problems.NotFound("subscription");

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Update(
        Guid id, UpdateSubscriptionRequest request, HubCaller caller, ISubscriptionStore store, ChannelRules channels, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, filterProblem) = SubscriptionRules.ToFilter(request.Filter);
        var problem = SubscriptionRules.CheckName(request.Name) ?? filterProblem ?? CheckCeiling(caller, filter)
            ?? (request.Version is null ? Problems.InvalidParameter("/version", "required", "Give the version you read, so a change made meanwhile is not overwritten.") : null);
        if (problem is not null)
        {
            return problem;
        }

        if (await store.GetAsync(id, cancellationToken) is not { } current)
        {
            return Problems.NotFound("subscription");
        }

        var (channel, channelProblem) = await channels.ToChannelAsync(request.Channel, current.Channel, cancellationToken);
        if (channelProblem is not null)
        {
            return channelProblem;
        }

        var changed = current with { Name = request.Name!.Trim(), Filter = filter!, Channel = channel!, UpdatedAt = timeProvider.GetUtcNow() };
        var newSecret = channel!.Webhook is { } webhook && webhook.Secret != current.Channel.Webhook?.Secret;
        return await store.UpdateAsync(changed, request.Version!.Value, cancellationToken) is { } stored
            ? TypedResults.Ok(SubscriptionView.From(stored, showSecret: newSecret))
            : Problems.Conflict($"The subscription changed meanwhile (it is at version {current.Version}); read it again and repeat the change.");
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> RotateSecret(
        Guid id, ISubscriptionStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } current)
        {
            return Problems.NotFound("subscription");
        }

        if (current.Channel.Webhook is not { } webhook)
        {
            return Problems.Refused("webhookChannel", "Only a webhook subscription has a signing secret.");
        }

        var rotated = current with
        {
            Channel = current.Channel with { Webhook = webhook with { Secret = IntegrationHub.Delivery.Webhooks.WebhookSignature.NewSecret() } },
            UpdatedAt = timeProvider.GetUtcNow(),
        };
        return await store.UpdateAsync(rotated, current.Version, cancellationToken) is { } stored
            ? TypedResults.Ok(SubscriptionView.From(stored, showSecret: true))
            : Problems.Conflict("The subscription changed meanwhile; repeat the request.");
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> SetStatus(
        Guid id, SubscriptionStatus status, ISubscriptionStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } current)
        {
            return Problems.NotFound("subscription");
        }

        return await store.UpdateAsync(current with { Status = status, UpdatedAt = timeProvider.GetUtcNow() }, current.Version, cancellationToken) is { } stored
            ? TypedResults.Ok(SubscriptionView.From(stored))
            : Problems.Conflict("The subscription changed meanwhile; repeat the request.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ISubscriptionStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("subscription");
}
