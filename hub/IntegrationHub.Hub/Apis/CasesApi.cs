using IntegrationHub.Hub.Apis.Diary;
using IntegrationHub.Hub.Cases;
using IntegrationHub.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/cases</c>: the hub's cases and their timelines.</summary>
public static class CasesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cases").WithTags("Cases");
        group.MapGet("/", FindCases).WithSummary("Find cases by ärendenummer, diarienummer or source case id within a municipality");
        group.MapGet("/{id:guid}", GetCase).WithSummary("One case");
        group.MapGet("/{id:guid}/events", GetCaseEvents).WithSummary("A case's events, oldest first; includeSubCases=true adds its sub-cases' events");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseRecord>>, ProblemHttpResult>> FindCases(
        IHubStore store, CancellationToken cancellationToken, string? municipality = null, string? caseNumber = null,
        string? diarienummer = null, string? sourceSystem = null, string? sourceCaseId = null, int limit = 100)
    {
        var problem = QueryParameters.CheckMunicipality(municipality, required: true)
            ?? QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit);
        if (problem is null && caseNumber is null && diarienummer is null && sourceCaseId is null)
        {
            problem = Problems.InvalidParameter("caseNumber", "required",
                "Give at least one of caseNumber, diarienummer, or sourceSystem with sourceCaseId.");
        }

        if (problem is null && (sourceSystem is null) != (sourceCaseId is null))
        {
            problem = Problems.InvalidParameter(sourceSystem is null ? "sourceSystem" : "sourceCaseId", "required",
                "sourceSystem and sourceCaseId are given together.");
        }

        if (problem is not null)
        {
            return problem;
        }

        var query = new CaseQuery
        {
            Municipality = municipality!,
            CaseNumber = caseNumber,
            Diarienummer = diarienummer,
            SourceSystem = sourceSystem,
            SourceCaseId = sourceCaseId,
            Limit = limit,
        };
        return TypedResults.Ok(await store.FindCasesAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> GetCase(
        Guid id, IHubStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is not { } found)
        {
            return Problems.NotFound("case");
        }

        var timeline = await store.GetCaseTimelineAsync(id, cancellationToken);
        var collaborationIds = timeline.Select(e => e.Event.Data.Collaboration?.CollaborationId).OfType<string>().Distinct().ToList();
        var answers = collaborationIds.Count > 0
            ? await store.Links.GetEventsByCollaborationAsync(found.Municipality, collaborationIds, cancellationToken)
            : [];
        var registrations = await store.Diary.GetCaseRegistrationsAsync(id, cancellationToken);
        return TypedResults.Ok(new CaseDetails(
            found,
            await store.Links.GetSourceIdsAsync(id, cancellationToken),
            await store.Links.GetRelationsAsync(id, cancellationToken),
            [.. (await store.Links.GetSubCasesAsync(id, cancellationToken)).Select(c => c.Id)],
            CaseStateProjector.Project(timeline.Concat(answers), timeProvider.GetUtcNow()),
            [.. registrations.Select(DiaryEntry.Public)]));
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedItem>>, ProblemHttpResult>> GetCaseEvents(
        Guid id, IHubStore store, CancellationToken cancellationToken, bool includeSubCases = false)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound("case");
        }

        var events = includeSubCases
            ? await store.Links.GetTimelineWithSubCasesAsync(id, cancellationToken)
            : await store.GetCaseTimelineAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FeedItem>>([.. events.Select(FeedItem.From)]);
    }
}
