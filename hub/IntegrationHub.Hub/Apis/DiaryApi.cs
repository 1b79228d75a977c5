using IntegrationHub.Hub.Apis.Diary;
using IntegrationHub.Hub.Security;
using IntegrationHub.Store;
using IntegrationHub.Store.Diary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/diary</c>: the public diary, its CSV export, and the registrator's corrections and annulments.</summary>
public static class DiaryApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDiaryApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/diary").WithTags("Diary");
        AuditRecorder.Audited(group.MapGet("/", Search).RequireScope(HubScopes.DiaryRead)
                .WithSummary("The public diary: registrations by diary, date and text; restricted ones withhold sender/recipient and description, for every caller"),
            "diary.search", "diary", c => c.Request.QueryString.Value, c => c.Request.Query["municipality"].FirstOrDefault());
        AuditRecorder.Audited(routes.MapGet("/api/v1/diary.csv", ExportCsv).RequireScope(HubScopes.DiaryRead).WithTags("Diary")
                .WithSummary("The public diary as CSV (semicolon-separated, UTF-8)"),
            "diary.export", "diary", c => c.Request.QueryString.Value, c => c.Request.Query["municipality"].FirstOrDefault());
        AuditRecorder.Audited(group.MapGet("/registrations/{id:guid}", GetRegistration).RequireScope(HubScopes.DiaryRead)
                .WithSummary("One registration with its history; what a sekretessmarkering withholds is shown only to a registrator with clearance (ceiling confidential or higher)"),
            "registration.read", "registration", c => c.Request.RouteValues["id"] as string);
        group.MapPost("/registrations/{id:guid}/corrections", Correct).RequireScope(HubScopes.Registrator).WithSummary("Correct a registration (kept in its history)");
        group.MapPost("/registrations/{id:guid}/annulment", Annul).RequireScope(HubScopes.Registrator).WithSummary("Annul a registration with a reason (it stays listed, marked)");
        group.MapGet("/conflicts", GetConflicts).RequireScope(HubScopes.Registrator).WithSummary("Diarienummer conflicts reported for a registrator to resolve");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<DiaryEntry>>, ProblemHttpResult>> Search(
        HttpContext context, HubCaller caller, IHubStore store, CancellationToken cancellationToken, string? municipality = null, string? diary = null,
        DateOnly? from = null, DateOnly? to = null, string? q = null, int page = 1, int pageSize = 100)
    {
        var (query, problem) = BuildQuery(caller, municipality, diary, from, to, q, page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var found = await store.Diary.SearchAsync(query!, cancellationToken);
        AuditRecorder.SetCount(context, found.Count);
        return TypedResults.Ok<IReadOnlyList<DiaryEntry>>([.. found.Select(DiaryEntry.Public)]);
    }

    private static async Task<IResult> ExportCsv(
        HttpContext context, HubCaller caller, IHubStore store, CancellationToken cancellationToken, string? municipality = null, string? diary = null,
        DateOnly? from = null, DateOnly? to = null, string? q = null)
    {
        var (query, problem) = BuildQuery(caller, municipality, diary, from, to, q, 1, 100_000);
        if (problem is not null)
        {
            return problem;
        }

        var found = await store.Diary.SearchAsync(query!, cancellationToken);
        AuditRecorder.SetCount(context, found.Count);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"diarium-{query!.Municipality}.csv\"";
        await DiaryCsv.WriteAsync(context.Response.Body, found.Select(DiaryEntry.Public), cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> GetRegistration(
        Guid id, HttpContext context, HubCaller caller, IHubStore store, CancellationToken cancellationToken)
    {
        if (await store.Diary.GetRegistrationAsync(id, cancellationToken) is not { } registration || !caller.CanAccess(registration.Municipality))
        {
            return Problems.NotFound("registration");
        }

        AuditRecorder.SetMunicipality(context, registration.Municipality);
        return TypedResults.Ok(await HistoryOf(store, registration, caller, cancellationToken));
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> Correct(
        Guid id, CorrectionRequest request, HubCaller caller, IHubStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (Why(request.Reason) is { } problem)
        {
            return problem;
        }

        var changedBy = caller.ActingAs(request.ChangedBy);
        var now = timeProvider.GetUtcNow();
        var correction = new RegistrationCorrection
        {
            DocumentDate = request.DocumentDate,
            Direction = request.Direction,
            Correspondent = request.Correspondent,
            Description = request.Description,
            DocumentType = request.DocumentType,
            Restriction = request.Restriction is { } r ? new RegistrationRestriction(r.Type, r.LegalReference, r.Explanation, now, changedBy) : null,
            RemoveRestriction = request.RemoveRestriction,
        };
        return await ChangeAsync(store, id, caller, (session, ct) => session.Diary.CorrectAsync(id, correction, changedBy, request.Reason!, now, ct), cancellationToken);
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> Annul(
        Guid id, AnnulmentRequest request, HubCaller caller, IHubStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (Why(request.Reason) is { } problem)
        {
            return problem;
        }

        var now = timeProvider.GetUtcNow();
        return await ChangeAsync(store, id, caller, (session, ct) => session.Diary.AnnulAsync(id, request.Reason!, caller.ActingAs(request.ChangedBy), now, ct), cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<DiaryConflict>>, ProblemHttpResult>> GetConflicts(
        HubCaller caller, IHubStore store, CancellationToken cancellationToken, string? municipality = null)
    {
        var (tenant, problem) = caller.Resolve(municipality, required: true);
        return problem ?? (Results<Ok<IReadOnlyList<DiaryConflict>>, ProblemHttpResult>)TypedResults.Ok(await store.Diary.GetConflictsAsync(tenant!, cancellationToken));
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> ChangeAsync(
        IHubStore store, Guid id, HubCaller caller, Func<IStoreSession, CancellationToken, Task<Registration>> change, CancellationToken cancellationToken)
    {
        if (await store.Diary.GetRegistrationAsync(id, cancellationToken) is { } current && !caller.CanAccess(current.Municipality))
        {
            return Problems.NotFound("registration");
        }

        Registration changed;
        try
        {
            await using var session = await store.BeginAsync(cancellationToken);
            changed = await change(session, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound("registration");
        }
        catch (InvalidOperationException e)
        {
            return Problems.Conflict(e.Message);
        }

        return TypedResults.Ok(await HistoryOf(store, changed, caller, cancellationToken));
    }

    private static async Task<DiaryEntryHistory> HistoryOf(IHubStore store, Registration registration, HubCaller caller, CancellationToken cancellationToken)
    {
        var history = await store.Diary.GetHistoryAsync(registration.Id, cancellationToken);
        return new DiaryEntryHistory(DiaryEntry.For(registration, caller),
            [.. history.Select(h => new DiaryEntryChange(h.Version, h.ChangedAt, h.ChangedBy, h.Reason, DiaryEntry.For(h.Before, caller)))]);
    }

    private static ProblemHttpResult? Why(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? Problems.InvalidParameter("reason", "required", "Say why (reason); it is kept in the registration's history.") : null;

    private static (DiaryQuery? Query, ProblemHttpResult? Problem) BuildQuery(
        HubCaller caller, string? municipality, string? diary, DateOnly? from, DateOnly? to, string? q, int page, int pageSize)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        problem ??= QueryParameters.CheckRange("page", page, 1, 100_000)
            ?? QueryParameters.CheckRange("pageSize", pageSize, 1, 100_000)
            ?? (from > to ? Problems.InvalidParameter("to", "range", "to must be on or after from.") : null)
            ?? (q is { Length: > 200 } ? Problems.InvalidParameter("q", "maxLength", "q is at most 200 characters.") : null);
        return problem is not null
            ? (null, problem)
            : (new DiaryQuery { Municipality = municipality!, Diary = diary, From = from, To = to, Text = q, Offset = (page - 1) * pageSize, Limit = pageSize }, null);
    }
}
