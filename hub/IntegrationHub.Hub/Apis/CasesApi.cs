using IntegrationHub.Hub.Apis.Diary;
using IntegrationHub.Hub.Cases;
using IntegrationHub.Hub.Security;
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
        var group = routes.MapGroup("/api/v1/cases").WithTags("Cases").RequireScope(HubScopes.CasesRead);
        AuditRecorder.Audited(group.MapGet("/", FindCases).WithSummary("Find cases by ärendenummer, diarienummer or source case id within a municipality"),
            "cases.search", "case", c => c.Request.QueryString.Value, c => c.Request.Query["municipality"].FirstOrDefault());
        AuditRecorder.Audited(group.MapGet("/{id:guid}", GetCase).WithSummary("One case"),
            "case.read", "case", c => c.Request.RouteValues["id"] as string);
        AuditRecorder.Audited(group.MapGet("/{id:guid}/events", GetCaseEvents).WithSummary("A case's events, oldest first; includeSubCases=true adds its sub-cases' events"),
            "case.events.read", "case", c => c.Request.RouteValues["id"] as string);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseRecord>>, ProblemHttpResult>> FindCases(
        HttpContext context, HubCaller caller, IHubStore store, CancellationToken cancellationToken, string? municipality = null, string? caseNumber = null,
        string? diarienummer = null, string? sourceSystem = null, string? sourceCaseId = null, int limit = 100)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        problem ??= QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit);
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
        IReadOnlyList<CaseRecord> found = [.. (await store.FindCasesAsync(query, cancellationToken)).Where(c => caller.MaySee(c.Classification))];
        AuditRecorder.SetCount(context, found.Count);
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<CaseDetails>, ProblemHttpResult>> GetCase(
        Guid id, HttpContext context, HubCaller caller, IHubStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is not { } found || !caller.MaySee(found.Municipality, found.Classification))
        {
            return Problems.NotFound("case");
        }

        AuditRecorder.SetMunicipality(context, found.Municipality);
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
        Guid id, HttpContext context, HubCaller caller, IHubStore store, CancellationToken cancellationToken, bool includeSubCases = false)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is not { } found || !caller.MaySee(found.Municipality, found.Classification))
        {
            return Problems.NotFound("case");
        }

        AuditRecorder.SetMunicipality(context, found.Municipality);
        var events = includeSubCases
            ? await store.Links.GetTimelineWithSubCasesAsync(id, cancellationToken)
            : await store.GetCaseTimelineAsync(id, cancellationToken);
        IReadOnlyList<FeedItem> visible = [.. events.Where(e => caller.MaySee(e.Event.Municipality, e.Event.DataClassification)).Select(FeedItem.From)];
        AuditRecorder.SetCount(context, visible.Count);
        return TypedResults.Ok(visible);
    }
}
