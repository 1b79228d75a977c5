using IntegrationHub.Adapters.Abstractions;
using System.Text.Json;
using IntegrationHub.Hub.Intake;
using IntegrationHub.Hub.Security;
using IntegrationHub.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/events</c>: intake of CloudEvents and the event feed.</summary>
public static class EventsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/events").WithTags("Events");
        group.MapPost("/", PostEvents)
            .WithSummary("Submit case events (structured, binary or batch CloudEvents)")
            .AddOpenApiOperationTransformer(IntakeOpenApi.DescribeRequestBody)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireScope(HubScopes.EventsWrite);
        AuditRecorder.Audited(
            group.MapGet("/", GetFeed).WithSummary("Read the event log after a sequence number, in order (events above the caller's classification ceiling are left out)")
                .RequireScope(HubScopes.FeedRead),
            "feed.read", "feed", c => c.Request.QueryString.Value, c => c.Request.Query["municipality"].FirstOrDefault());
        return routes;
    }

    private static async Task<Results<Accepted<AcceptedResponse>, ProblemHttpResult>> PostEvents(
        HttpRequest request, HubCaller caller, EventIntake intake, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var (events, isBatch, problem) = await CloudEventRequestReader.ReadAsync(request, options.Value, cancellationToken);
        problem ??= CheckWriter(caller, events!, isBatch);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var receipt = await intake.SubmitJsonAsync(events!, cancellationToken);
            return TypedResults.Accepted((string?)null, new AcceptedResponse(receipt.Events));
        }
        catch (CaseEventsRejectedException e)
        {
            return isBatch ? Problems.InvalidBatch(e.Rejected) : Problems.InvalidEvent(e.Rejected[0].Errors);
        }
    }

    /// <summary>
    /// A 403 when an event names a municipality the caller is not bound to, or a source system its key may not
    /// submit as. Events whose fields are missing are left to the schema validation (which refuses them).
    /// </summary>
    private static ProblemHttpResult? CheckWriter(HubCaller caller, IReadOnlyList<JsonElement> events, bool isBatch)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var at = isBatch ? $"/{i}" : string.Empty;
            var element = events[i];
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (element.TryGetProperty("municipality", out var municipality) && municipality.ValueKind == JsonValueKind.String
                && !caller.CanAccess(municipality.GetString()!))
            {
                return Tenancy.OtherMunicipality($"{at}/municipality", municipality.GetString()!);
            }

            if (element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("case", out var caseRef) && caseRef.ValueKind == JsonValueKind.Object
                && caseRef.TryGetProperty("sourceSystem", out var source) && source.ValueKind == JsonValueKind.String
                && !caller.MaySubmitAs(source.GetString()!))
            {
                return Problems.Forbidden($"{at}/data/case/sourceSystem", "source",
                    $"The caller's key may submit events only as {(caller.Sources.Count == 0 ? "no source system" : string.Join(", ", caller.Sources))}; ask an administrator for a key of this source system.");
            }
        }

        return null;
    }

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> GetFeed(
        HttpContext context, HubCaller caller, IHubStore store, CancellationToken cancellationToken, long after = 0, int limit = 100, string? municipality = null)
    {
        var (tenant, problem) = caller.Resolve(municipality, required: false);
        problem ??= after < 0
            ? Problems.InvalidParameter("after", "minimum", "after must be 0 or a sequence number returned earlier.")
            : QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit);
        if (problem is not null)
        {
            return problem;
        }

        // The cursor moves past events the caller may not see, so a page can hold fewer than limit.
        var events = await store.ReadFeedAsync(after, limit, tenant, cancellationToken);
        var visible = events.Where(e => caller.MaySee(e.Event.DataClassification)).Select(FeedItem.From).ToList();
        AuditRecorder.SetCount(context, visible.Count);
        return TypedResults.Ok(new EventPage(visible, events.Count > 0 ? events[^1].Sequence : after));
    }
}
