using System.Globalization;
using IntegrationHub.Hub.Apis.Statistics;
using IntegrationHub.Hub.Calendar;
using IntegrationHub.Hub.Municipalities;
using IntegrationHub.Hub.Statistics;
using IntegrationHub.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using IntegrationHub.Hub.Security;

namespace IntegrationHub.Hub.Apis;

/// <summary>
/// <c>/api/v1/statistics</c>: ärendestatistik (opened, closed, backlog, handling times, servicelöften,
/// overdue remisser, missing klarmarkeringar) per case type and unit, as JSON or CSV.
/// </summary>
/// <remarks>
/// Every request reads the municipality's whole event log and folds it per case
/// (<see cref="CaseStatisticsCalculator"/>): fine for tens of thousands of events; roll-ups are a later step.
/// </remarks>
public static class StatisticsApi
{
    /// <summary>Length of the default period, in days, ending today.</summary>
    public const int DefaultPeriodDays = 365;

    private const int MaxFilterLength = 200;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/statistics", GetStatistics).RequireScope(HubScopes.StatisticsRead)
            .WithTags("Statistics")
            .WithSummary("Ärendestatistik of a municipality for a period (default: the last 365 days), in total and per case type and unit")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        routes.MapGet("/api/v1/statistics.csv", ExportCsv).RequireScope(HubScopes.StatisticsRead)
            .WithTags("Statistics")
            .WithSummary("The same statistics as CSV (semicolon-separated, UTF-8 with BOM), one row per case type and unit plus a total row")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<Ok<StatisticsReport>, ProblemHttpResult>> GetStatistics(
        HubCaller caller, HttpContext context, IHubStore store, MunicipalityDirectory municipalities, TimeProvider timeProvider, CancellationToken cancellationToken,
        string? municipality = null, string? caseType = null, string? unit = null, string? from = null, string? to = null)
    {
        var (query, problem) = BuildQuery(caller, municipality, caseType, unit, from, to, timeProvider);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(await CalculateAsync(context, store, municipalities, timeProvider, query!, cancellationToken));
    }

    private static async Task<IResult> ExportCsv(
        HubCaller caller, HttpContext context, IHubStore store, MunicipalityDirectory municipalities, TimeProvider timeProvider, CancellationToken cancellationToken,
        string? municipality = null, string? caseType = null, string? unit = null, string? from = null, string? to = null)
    {
        var (query, problem) = BuildQuery(caller, municipality, caseType, unit, from, to, timeProvider);
        if (problem is not null)
        {
            return problem;
        }

        var report = await CalculateAsync(context, store, municipalities, timeProvider, query!, cancellationToken);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition =
            $"attachment; filename=\"statistik-{query!.Municipality}-{Iso(query.From)}-{Iso(query.To)}.csv\"";
        await StatisticsCsv.WriteAsync(context.Response.Body, report, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<StatisticsReport> CalculateAsync(
        HttpContext context, IHubStore store, MunicipalityDirectory municipalities, TimeProvider timeProvider, StatisticsQuery query,
        CancellationToken cancellationToken)
    {
        var events = await MunicipalityEventLog.ReadAllAsync(store, query.Municipality, cancellationToken);
        var calendar = context.RequestServices.GetService<SwedishCalendar>() ?? SwedishCalendar.Default;
        return CaseStatisticsCalculator.Calculate(
            events, query, caseType => municipalities.ServicePromiseWorkingDays(query.Municipality, caseType), calendar, timeProvider.GetUtcNow());
    }

    private static (StatisticsQuery? Query, ProblemHttpResult? Problem) BuildQuery(
        HubCaller caller, string? municipality, string? caseType, string? unit, string? from, string? to, TimeProvider timeProvider)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        problem ??= CheckFilter("caseType", caseType)
            ?? CheckFilter("unit", unit);
        var (fromDate, fromProblem) = ParseDate("from", from);
        var (toDate, toProblem) = ParseDate("to", to);
        problem ??= fromProblem ?? toProblem;
        if (problem is not null)
        {
            return (null, problem);
        }

        var last = toDate ?? SwedishTime.Today(timeProvider);
        var first = fromDate ?? last.AddDays(1 - DefaultPeriodDays);
        if (last < first)
        {
            return (null, Problems.InvalidParameter("to", "range", "to must be on or after from (both are inclusive Swedish dates; to defaults to today)."));
        }

        return (new StatisticsQuery(municipality!, first, last) { CaseType = caseType, Unit = unit }, null);
    }

    private static ProblemHttpResult? CheckFilter(string name, string? value) =>
        value is null ? null
        : string.IsNullOrWhiteSpace(value) ? Problems.InvalidParameter(name, "minLength", $"{name} must not be empty; leave it out to include every {name}.")
        : value.Length > MaxFilterLength ? Problems.InvalidParameter(name, "maxLength", $"{name} is at most {MaxFilterLength} characters.")
        : null;

    private static (DateOnly? Date, ProblemHttpResult? Problem) ParseDate(string name, string? value)
    {
        if (value is null)
        {
            return (null, null);
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, Problems.InvalidParameter(name, "format", $"{name} must be a date as yyyy-MM-dd, e.g. 2026-03-31."));
        }

        // The calendar covers 1900-2199; leave room for service-promise due dates after the period.
        return date.Year is < SwedishCalendar.MinYear or >= SwedishCalendar.MaxYear
            ? (null, Problems.InvalidParameter(name, "range", $"{name} must be in the years {SwedishCalendar.MinYear}-{SwedishCalendar.MaxYear - 1}."))
            : (date, null);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
