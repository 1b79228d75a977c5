using IntegrationHub.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/health</c>: is the hub up and can it reach its store.</summary>
public static class HealthApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealth).WithTags("Health").WithSummary("Liveness and store reachability (no authentication)").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(
        IHubStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(new HealthReport("healthy", "reachable", await store.GetLastSequenceAsync(cancellationToken)));
        }
#pragma warning disable CA1031 // Any store failure means unhealthy; the reason goes to the server log, not to the caller.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            loggers.CreateLogger(typeof(HealthApi)).LogError(e, "Health check: the store is unreachable");
            return TypedResults.Json(new HealthReport("unhealthy", "unreachable", null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
