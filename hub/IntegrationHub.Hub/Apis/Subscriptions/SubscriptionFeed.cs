using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Store.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>A subscription's pull feed (cursor = sequence) and its live Server-Sent Events stream.</summary>
public static class SubscriptionFeed
{
    private const int StreamPage = 100;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    /// <summary><c>GET …/events?after=&amp;limit=</c>.</summary>
    public static async Task<Results<Ok<EventPage>, ProblemHttpResult>> GetPage(
        Guid id, HttpContext context, HubCaller caller, ISubscriptionStore store, CancellationToken cancellationToken, long? after = null, int limit = 100)
    {
        var problem = after < 0
            ? Problems.InvalidParameter("after", "minimum", "after must be 0 or a sequence number returned earlier.")
            : QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit);
        if (problem is not null)
        {
            return problem;
        }

        if (await store.GetAsync(id, cancellationToken) is not { } subscription)
        {
            return Problems.NotFound("subscription");
        }

        var page = await store.ReadFeedAsync(subscription, Math.Max(after ?? 0, subscription.StartAfterSequence), limit, cancellationToken);
        var visible = page.Events.Where(e => caller.MaySee(e.Event.DataClassification)).Select(FeedItem.From).ToList();
        AuditRecorder.SetCount(context, visible.Count);
        return TypedResults.Ok(new EventPage(visible, page.LastSequence));
    }

    /// <summary><c>GET …/stream</c>: each event as an SSE item whose id is its sequence; resumes after <c>Last-Event-ID</c>.</summary>
    public static async Task<Results<ServerSentEventsResult<JsonElement>, ProblemHttpResult>> Stream(
        Guid id, HttpRequest request, HubCaller caller, ISubscriptionStore store, CancellationToken cancellationToken, long? after = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lastEventId = request.Headers["Last-Event-ID"].ToString();
        long? resumeAfter = after;
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.InvalidParameter("Last-Event-ID", "type", "Last-Event-ID is the sequence of the last event received.");
            }

            resumeAfter = parsed;
        }

        if (await store.GetAsync(id, cancellationToken) is not { } subscription)
        {
            return Problems.NotFound("subscription");
        }

        return TypedResults.ServerSentEvents(Items(store, subscription, caller, Math.Max(resumeAfter ?? subscription.StartAfterSequence, subscription.StartAfterSequence), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JsonElement>> Items(
        ISubscriptionStore store, Subscription subscription, HubCaller caller, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = after;
        while (!cancellationToken.IsCancellationRequested)
        {
            // A paused or changed subscription is read again on every round, so pause, filter changes and deletion take effect.
            if (await store.GetAsync(subscription.Id, cancellationToken) is not { } current)
            {
                yield break;
            }

            var page = current.Status == SubscriptionStatus.Active
                ? await store.ReadFeedAsync(current, cursor, StreamPage, cancellationToken)
                : new SubscriptionFeedPage([], cursor);
            foreach (var stored in page.Events.Where(e => caller.MaySee(e.Event.DataClassification)))
            {
                yield return new SseItem<JsonElement>(CaseEventFormatter.ToJsonElement(stored.Event), stored.Event.Type)
                {
                    EventId = stored.Sequence.ToString(CultureInfo.InvariantCulture),
                };
            }

            cursor = page.LastSequence;
            if (page.Events.Count < StreamPage)
            {
                try
                {
                    await Task.Delay(IdlePoll, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
    }
}
