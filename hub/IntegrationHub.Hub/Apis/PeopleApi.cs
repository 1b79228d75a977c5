using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Validation;
using IntegrationHub.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/people/{personnummer}/events</c>: the Mina Sidor timeline of one person.</summary>
public static class PeopleApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/people").WithTags("People")
            .MapGet("/{personnummer}/events", GetTimeline)
            .WithSummary("A person's case events in one municipality, newest first (personnummer or samordningsnummer, 12 digits)");
        return routes;
    }

    private static async Task<Results<Ok<TimelinePageResponse>, ProblemHttpResult>> GetTimeline(
        string personnummer, IHubStore store, CancellationToken cancellationToken,
        string? municipality = null, int page = 1, int pageSize = 50)
    {
        var problem = QueryParameters.CheckMunicipality(municipality, required: true)
            ?? QueryParameters.CheckRange("page", page, 1, 100_000)
            ?? QueryParameters.CheckRange("pageSize", pageSize, 1, 200);
        var identity = ToIdentity(personnummer);
        if (problem is null && identity is null)
        {
            // The message never repeats the value: it is personal data.
            problem = Problems.InvalidParameter("personnummer", "personnummer",
                "personnummer must be a valid personnummer or samordningsnummer with 12 digits (YYYYMMDDNNNC), with a correct check digit.");
        }

        if (problem is not null)
        {
            return problem;
        }

        var events = await store.GetPersonTimelineAsync(municipality!, identity!, new TimelinePage((page - 1) * pageSize, pageSize), cancellationToken);
        return TypedResults.Ok(new TimelinePageResponse([.. events.Select(FeedItem.From)], page, pageSize));
    }

    /// <summary>A 12-digit personnummer or samordningsnummer (hyphen allowed) with a correct check digit, or null.</summary>
    internal static PartyIdentity? ToIdentity(string value)
    {
        var digits = value.Replace("-", string.Empty, StringComparison.Ordinal);
        return SwedishIdentityNumbers.IsValidPersonnummer(digits) ? new PartyIdentity(IdentityType.Personnummer, digits)
            : SwedishIdentityNumbers.IsValidSamordningsnummer(digits) ? new PartyIdentity(IdentityType.Samordningsnummer, digits)
            : null;
    }
}
