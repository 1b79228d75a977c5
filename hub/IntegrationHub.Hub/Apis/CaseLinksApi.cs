using System.Text.RegularExpressions;
using IntegrationHub.Store;
using IntegrationHub.Store.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>POST /api/v1/cases/{id}/links</c>: tell the hub that two systems' cases are one case.</summary>
public static partial class CaseLinksApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCaseLinksApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/cases/{id:guid}/links", Link).WithTags("Cases").RequireScope(HubScopes.Registrator)
            .WithSummary("Link another system's case id to this case, or merge another hub case into it; never across municipalities");
        return routes;
    }

    private static async Task<Results<Ok<LinkResponse>, ProblemHttpResult>> Link(Guid id, LinkRequest request, HubCaller caller, IHubStore store, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is not { } target || !caller.MaySee(target.Municipality, target.Classification))
        {
            return Problems.NotFound("case");
        }

        if (target.MergedInto is { } survivor)
        {
            return Problems.Conflict($"This case was merged into {survivor}; link to that case instead.");
        }

        if (request.Municipality is { } municipality && municipality != target.Municipality)
        {
            return Problems.Refused("same-municipality", "A link never joins two municipalities: the case belongs to another municipality than the one given.");
        }

        if (request.CaseId is { } other)
        {
            return await MergeAsync(store, target, other, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(request.SourceSystem) || !SourceSystemKey().IsMatch(request.SourceSystem))
        {
            return Problems.InvalidParameter("sourceSystem", "pattern", "Give sourceSystem (e.g. platina) and sourceCaseId, or caseId.");
        }

        if (string.IsNullOrWhiteSpace(request.SourceCaseId) || request.SourceCaseId.Length > 200)
        {
            return Problems.InvalidParameter("sourceCaseId", "required", "Give the case's id in that system (1–200 characters).");
        }

        await using var session = await store.BeginAsync(cancellationToken);
        var outcome = await session.Links.LinkSourceAsync(target.Id, request.SourceSystem, request.SourceCaseId, "api", cancellationToken);
        await session.CommitAsync(cancellationToken);
        return outcome.Status switch
        {
            LinkStatus.Linked => TypedResults.Ok(new LinkResponse("linked", target.Id, null)),
            LinkStatus.AlreadyLinked => TypedResults.Ok(new LinkResponse("already-linked", target.Id, null)),
            _ => await MergeAsync(store, target, outcome.OtherCaseId!.Value, cancellationToken),
        };
    }

    private static async Task<Results<Ok<LinkResponse>, ProblemHttpResult>> MergeAsync(IHubStore store, CaseRecord target, Guid otherId, CancellationToken cancellationToken)
    {
        if (otherId == target.Id)
        {
            return TypedResults.Ok(new LinkResponse("already-linked", target.Id, null));
        }

        if (await store.GetCaseAsync(otherId, cancellationToken) is not { } other)
        {
            return Problems.NotFound("case to merge");
        }

        if (other.Municipality != target.Municipality)
        {
            return Problems.Refused("same-municipality", "A link never joins two municipalities: the other case belongs to another municipality.");
        }

        if (other.MergedInto == target.Id)
        {
            return TypedResults.Ok(new LinkResponse("already-linked", target.Id, other.Id));
        }

        if (other.MergedInto is not null)
        {
            return Problems.Conflict($"The other case was already merged into {other.MergedInto}.");
        }

        await using var session = await store.BeginAsync(cancellationToken);
        await session.Links.MergeCasesAsync(target.Id, other.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return TypedResults.Ok(new LinkResponse("merged", target.Id, other.Id));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SourceSystemKey();
}
