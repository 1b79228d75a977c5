using IntegrationHub.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/health</c>: is the hub up and can it reach its store.</summary>
public static class HealthApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealth).WithTags("Health").WithSummary("Liveness and store reachability");
        return routes;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(IHubStore store, CancellationToken cancellationToken)
    {
        try
        {
            var latest = await store.ReadFeedAsync(long.MaxValue - 1, 1, null, cancellationToken);
            return TypedResults.Ok(new HealthReport("healthy", "reachable"));
        }
#pragma warning disable CA1031 // Any store failure means unhealthy; the reason is in the server log, not the response.
        catch (Exception)
#pragma warning restore CA1031
        {
            return TypedResults.Json(new HealthReport("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
