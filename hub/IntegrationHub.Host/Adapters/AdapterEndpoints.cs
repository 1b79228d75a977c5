using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Mailbox;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Host.Adapters;

/// <summary>Adapters' health for IT staff.</summary>
internal static class AdapterEndpoints
{
    public static IEndpointRouteBuilder MapAdapterHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/adapters", ListAsync)
            .WithTags("Adapters")
            .WithSummary("Every adapter instance's health: last successful poll, lag, consecutive failures, circuit state, last error")
            .RequireScope(HubScopes.Admin);
        routes.MapGet("/api/v1/adapters/mailboxes", (MailboxHealth health) => TypedResults.Ok(health.Snapshot()))
            .WithTags("Adapters").WithSummary("Each function mailbox's status in this hub process: connected, last check, last mail, last failure")
            .RequireScope(HubScopes.Admin);
        return routes;
    }

    private static async Task<IResult> ListAsync(
        SourcePoller poller, IEnumerable<PollSchedule> schedules, MailboxHealth mailboxes, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = new List<AdapterInstanceHealth>();
        foreach (var schedule in schedules.OrderBy(s => s.SourceName, StringComparer.Ordinal))
        {
            // Kept in the hub's database by whichever process polled last, so every process answers the same.
            var health = await poller.ReadHealthAsync(schedule.SourceName, cancellationToken);
            list.Add(new AdapterInstanceHealth(
                schedule.Kind,
                schedule.SourceName,
                health.LastAttemptAt is null ? "never-run" : health.ConsecutiveFailures > 0 ? "failing" : "ok",
                health.LastSuccessAt,
                health.LastSuccessAt is { } at ? Math.Round((now - at).TotalSeconds, 1) : null,
                health.ConsecutiveFailures,
                schedule.Circuit?.State.ToString(),
                health.LastError,
                health.Events,
                schedule.CronExpression,
                health.Checkpoint,
                health.PolledBy));
        }

        list.AddRange(mailboxes.Snapshot().Select(m => new AdapterInstanceHealth(
            "mailbox",
            $"mailbox/{m.Name}",
            m.FailuresSinceSuccess > 0 ? "failing" : m.Connected ? "ok" : m.LastCheckedAt is null ? "never-run" : "disconnected",
            m.LastCheckedAt,
            m.LastCheckedAt is { } at ? Math.Round((now - at).TotalSeconds, 1) : null,
            m.FailuresSinceSuccess,
            null,
            m.LastFailure,
            m.Registered,
            null,
            null,
            null)));
        return TypedResults.Ok(list);
    }
}
