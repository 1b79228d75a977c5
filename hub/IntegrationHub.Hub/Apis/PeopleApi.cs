using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Validation;
using IntegrationHub.Hub.Security;
using IntegrationHub.Store;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/people/{personnummer}/events</c>: the Mina Sidor timeline of one person.</summary>
public static partial class PeopleApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder routes)
    {
        AuditRecorder.Audited(
            routes.MapGroup("/api/v1/people").WithTags("People")
                .MapGet("/{personnummer}/events", GetTimeline)
                .WithSummary("A person's case events in one municipality, newest first (personnummer or samordningsnummer, 12 digits). Scope cases:read (Dina Sidor), or timeline:read with an X-Citizen-Token naming the person or their guardian (Mina Sidor)")
                .RequireAuthorization(),
            "timeline.read", "person", Person,
            c => c.Request.Query["municipality"].FirstOrDefault());
        return routes;
    }

    private static async Task<Results<Ok<TimelinePageResponse>, ProblemHttpResult>> GetTimeline(
        string personnummer, HttpContext context, HubCaller caller, CitizenTokenValidator citizens, ILogger<CitizenTokenValidator> logger,
        IHubStore store, CancellationToken cancellationToken, string? municipality = null, int page = 1, int pageSize = 50)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        problem ??= QueryParameters.CheckRange("page", page, 1, 100_000)
            ?? QueryParameters.CheckRange("pageSize", pageSize, 1, 200);
        var identity = ToIdentity(personnummer);
        if (problem is null && identity is null)
        {
            // The message never repeats the value: it is personal data.
            problem = Problems.InvalidParameter("personnummer", "personnummer",
                "personnummer must be a valid personnummer or samordningsnummer with 12 digits (YYYYMMDDNNNC), with a correct check digit.");
        }

        problem ??= await CheckViewer(context, caller, identity!, citizens, logger);
        if (problem is not null)
        {
            return problem;
        }

        // Paging counts stored events; one the caller may not see leaves a gap in its page rather than shifting the pages.
        var events = await store.GetPersonTimelineAsync(municipality!, identity!, new TimelinePage((page - 1) * pageSize, pageSize), cancellationToken);
        var visible = events.Where(e => caller.MaySee(e.Event.DataClassification)).Select(FeedItem.From).ToList();
        AuditRecorder.SetCount(context, visible.Count);
        return TypedResults.Ok(new TimelinePageResponse(visible, page, pageSize));
    }

    /// <summary>
    /// Dina Sidor (cases:read) reads any person of its municipality. Mina Sidor (timeline:read) reads only the person its
    /// verified citizen token names, or a child that token says they are guardian of.
    /// </summary>
    internal static async Task<ProblemHttpResult?> CheckViewer(HttpContext context, HubCaller caller, PartyIdentity person,
        CitizenTokenValidator citizens, ILogger logger)
    {
        if (caller.Has(HubScopes.CasesRead))
        {
            return null;
        }

        if (!caller.Has(HubScopes.TimelineRead))
        {
            return Problems.MissingScope($"{HubScopes.CasesRead} or {HubScopes.TimelineRead}");
        }

        var (citizen, refusal) = await citizens.ValidateAsync(context.Request.Headers[CitizenTokenValidator.HeaderName].FirstOrDefault());
        if (citizen is null)
        {
            LogCitizenRefused(logger, caller.Actor, refusal ?? "invalid");
            return Problems.Forbidden(CitizenTokenValidator.HeaderName, "citizenToken",
                $"timeline:read needs a valid {CitizenTokenValidator.HeaderName}: a short-lived token signed by the portal's configured issuer that names the logged-in person.");
        }

        AuditRecorder.SetCitizen(context, citizen.Personnummer);
        return citizen.MayView(person.Value)
            ? null
            : Problems.Forbidden("personnummer", "citizen",
                "The citizen token names another person, and does not list this one among the children they are guardian of.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Citizen token from {Actor} refused: {Reason}")]
    private static partial void LogCitizenRefused(ILogger logger, string actor, string reason);

    /// <summary>The audited resource of a person's route: their personnummer, digits only.</summary>
    internal static string? Person(HttpContext context) => QueryParameters.PersonnummerDigits(context.Request.RouteValues["personnummer"] as string);

    /// <summary>A 12-digit personnummer or samordningsnummer (hyphen allowed) with a correct check digit, or null.</summary>
    internal static PartyIdentity? ToIdentity(string value)
    {
        var digits = QueryParameters.PersonnummerDigits(value)!;
        return SwedishIdentityNumbers.IsValidPersonnummer(digits) ? new PartyIdentity(IdentityType.Personnummer, digits)
            : SwedishIdentityNumbers.IsValidSamordningsnummer(digits) ? new PartyIdentity(IdentityType.Samordningsnummer, digits)
            : null;
    }
}
