using IntegrationHub.Hub.Apis.Diary;
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
        group.MapGet("/", Search).WithSummary("The public diary: registrations by diary, date and text; restricted ones withhold sender/recipient and description");
        routes.MapGet("/api/v1/diary.csv", ExportCsv).WithTags("Diary").WithSummary("The public diary as CSV (semicolon-separated, UTF-8)");
        group.MapGet("/registrations/{id:guid}", GetRegistration).WithSummary("One registration with its history");
        group.MapPost("/registrations/{id:guid}/corrections", Correct).WithSummary("Correct a registration (kept in its history)");
        group.MapPost("/registrations/{id:guid}/annulment", Annul).WithSummary("Annul a registration with a reason (it stays listed, marked)");
        group.MapGet("/conflicts", GetConflicts).WithSummary("Diarienummer conflicts reported for a registrator to resolve");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<DiaryEntry>>, ProblemHttpResult>> Search(
        IHubStore store, CancellationToken cancellationToken, string? municipality = null, string? diary = null,
        DateOnly? from = null, DateOnly? to = null, string? q = null, int page = 1, int pageSize = 100)
    {
        var (query, problem) = BuildQuery(municipality, diary, from, to, q, page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var found = await store.Diary.SearchAsync(query!, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DiaryEntry>>([.. found.Select(DiaryEntry.Public)]);
    }

    private static async Task<IResult> ExportCsv(
        HttpContext context, IHubStore store, CancellationToken cancellationToken, string? municipality = null, string? diary = null,
        DateOnly? from = null, DateOnly? to = null, string? q = null)
    {
        var (query, problem) = BuildQuery(municipality, diary, from, to, q, 1, 100_000);
        if (problem is not null)
        {
            return problem;
        }

        var found = await store.Diary.SearchAsync(query!, cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"diarium-{municipality}.csv\"";
        await DiaryCsv.WriteAsync(context.Response.Body, found.Select(DiaryEntry.Public), cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> GetRegistration(Guid id, IHubStore store, CancellationToken cancellationToken)
    {
        if (await store.Diary.GetRegistrationAsync(id, cancellationToken) is not { } registration)
        {
            return Problems.NotFound("registration");
        }

        return TypedResults.Ok(await HistoryOf(store, registration, cancellationToken));
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> Correct(
        Guid id, CorrectionRequest request, IHubStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (Who(request.Reason, request.ChangedBy) is { } problem)
        {
            return problem;
        }

        var now = timeProvider.GetUtcNow();
        var correction = new RegistrationCorrection
        {
            DocumentDate = request.DocumentDate,
            Direction = request.Direction,
            Correspondent = request.Correspondent,
            Description = request.Description,
            DocumentType = request.DocumentType,
            Restriction = request.Restriction is { } r ? new RegistrationRestriction(r.Type, r.LegalReference, r.Explanation, now, request.ChangedBy) : null,
            RemoveRestriction = request.RemoveRestriction,
        };
        return await ChangeAsync(store, id, (session, ct) => session.Diary.CorrectAsync(id, correction, request.ChangedBy!, request.Reason!, now, ct), cancellationToken);
    }

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> Annul(
        Guid id, AnnulmentRequest request, IHubStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (Who(request.Reason, request.ChangedBy) is { } problem)
        {
            return problem;
        }

        var now = timeProvider.GetUtcNow();
        return await ChangeAsync(store, id, (session, ct) => session.Diary.AnnulAsync(id, request.Reason!, request.ChangedBy!, now, ct), cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<DiaryConflict>>, ProblemHttpResult>> GetConflicts(
        IHubStore store, CancellationToken cancellationToken, string? municipality = null) =>
        QueryParameters.CheckMunicipality(municipality, required: true) is { } problem
            ? problem
            : TypedResults.Ok(await store.Diary.GetConflictsAsync(municipality!, cancellationToken));

    private static async Task<Results<Ok<DiaryEntryHistory>, ProblemHttpResult>> ChangeAsync(
        IHubStore store, Guid id, Func<IStoreSession, CancellationToken, Task<Registration>> change, CancellationToken cancellationToken)
    {
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

        return TypedResults.Ok(await HistoryOf(store, changed, cancellationToken));
    }

    private static async Task<DiaryEntryHistory> HistoryOf(IHubStore store, Registration registration, CancellationToken cancellationToken)
    {
        var history = await store.Diary.GetHistoryAsync(registration.Id, cancellationToken);
        return new DiaryEntryHistory(DiaryEntry.Public(registration),
            [.. history.Select(h => new DiaryEntryChange(h.Version, h.ChangedAt, h.ChangedBy, h.Reason, DiaryEntry.Public(h.Before)))]);
    }

    private static ProblemHttpResult? Who(string? reason, string? changedBy) =>
        string.IsNullOrWhiteSpace(reason) ? Problems.InvalidParameter("reason", "required", "Say why (reason); it is kept in the registration's history.")
        : string.IsNullOrWhiteSpace(changedBy) ? Problems.InvalidParameter("changedBy", "required", "Say who makes the change (changedBy); it is kept in the registration's history.")
        : null;

    private static (DiaryQuery? Query, ProblemHttpResult? Problem) BuildQuery(
        string? municipality, string? diary, DateOnly? from, DateOnly? to, string? q, int page, int pageSize)
    {
        var problem = QueryParameters.CheckMunicipality(municipality, required: true)
            ?? QueryParameters.CheckRange("page", page, 1, 100_000)
            ?? QueryParameters.CheckRange("pageSize", pageSize, 1, 100_000)
            ?? (from > to ? Problems.InvalidParameter("to", "range", "to must be on or after from.") : null)
            ?? (q is { Length: > 200 } ? Problems.InvalidParameter("q", "maxLength", "q is at most 200 characters.") : null);
        return problem is not null
            ? (null, problem)
            : (new DiaryQuery { Municipality = municipality!, Diary = diary, From = from, To = to, Text = q, Offset = (page - 1) * pageSize, Limit = pageSize }, null);
    }
}
