using IntegrationHub.Hub.DeadLetters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/dead-letters</c>: bus messages that failed every attempt, and their replay.</summary>
public static class DeadLettersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder routes)
    {
        // Dead letters hold events of every municipality: installation-wide administrators only.
        var group = routes.MapGroup("/api/v1/dead-letters").WithTags("Dead letters").RequireScope(HubScopes.Admin).AddEndpointFilter(Tenancy.InstallationWideOnly);
        group.MapGet("/", List).WithSummary("Messages that failed every delivery attempt, oldest first");
        group.MapPost("/{id:long}/replay", ReplayOne).WithSummary("Return one dead letter to the queue it failed in");
        group.MapPost("/replay", ReplayAll).WithSummary("Return every dead letter to the queue it failed in");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ProblemHttpResult>> List(IDeadLetters queue, CancellationToken cancellationToken, int limit = 100) =>
        QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit) is { } problem
            ? problem
            : TypedResults.Ok(await queue.ListAsync(limit, cancellationToken));

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> ReplayOne(long id, IDeadLetters queue, CancellationToken cancellationToken) =>
        await queue.ReplayAsync(id, cancellationToken) ? TypedResults.Ok(new ReplayResult(1)) : Problems.NotFound("dead letter");

    private static async Task<Ok<ReplayResult>> ReplayAll(IDeadLetters queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReplayResult(await queue.ReplayAllAsync(cancellationToken)));
}
