using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Hub.Intake;
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
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", GetFeed).WithSummary("Read the event log after a sequence number, in order");
        return routes;
    }

    private static async Task<Results<Accepted<AcceptedResponse>, ProblemHttpResult>> PostEvents(
        HttpRequest request, EventIntake intake, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var (events, isBatch, problem) = await CloudEventRequestReader.ReadAsync(request, options.Value, cancellationToken);
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

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> GetFeed(
        IHubStore store, CancellationToken cancellationToken, long after = 0, int limit = 100, string? municipality = null)
    {
        var problem = after < 0
            ? Problems.InvalidParameter("after", "minimum", "after must be 0 or a sequence number returned earlier.")
            : QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit) ?? QueryParameters.CheckMunicipality(municipality, required: false);
        if (problem is not null)
        {
            return problem;
        }

        var events = await store.ReadFeedAsync(after, limit, municipality, cancellationToken);
        return TypedResults.Ok(new EventPage([.. events.Select(FeedItem.From)], events.Count > 0 ? events[^1].Sequence : after));
    }
}
