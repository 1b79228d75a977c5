using IntegrationHub.Hub.Security;
using Microsoft.Extensions.Logging;
using IntegrationHub.Store.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary><c>/api/v1/people/{personnummer}/notifications</c>: whether a citizen wants notification e-mail (set by Mina Sidor).</summary>
public static class NotificationPreferencesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapNotificationPreferencesApi(this IEndpointRouteBuilder routes)
    {
        // Who may: as for the person's timeline (cases:read, or timeline:read with the citizen's own token).
        var group = routes.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization();
        AuditRecorder.Audited(group.MapGet("/{personnummer}/notifications", Get).WithSummary("Whether the person gets notification e-mail from the municipality"),
            "notifications.read", "person", PeopleApi.Person, Municipality);
        AuditRecorder.Audited(group.MapPut("/{personnummer}/notifications", Put).WithSummary("Opt out of notification e-mail ({\"email\": false}) or back in"),
            "notifications.change", "person", PeopleApi.Person, Municipality);
        return routes;
    }

    private static async Task<Results<Ok<NotificationRequest>, ProblemHttpResult>> Get(
        string personnummer, HttpContext context, HubCaller caller, CitizenTokenValidator citizens, ILogger<CitizenTokenValidator> logger,
        INotificationPreferences preferences, CancellationToken cancellationToken, string? municipality = null)
    {
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        problem ??= await Check(personnummer, context, caller, citizens, logger);
        if (problem is not null)
        {
            return problem;
        }

        var optedOut = await preferences.IsOptedOutAsync(municipality!, PeopleApi.ToIdentity(personnummer)!, cancellationToken);
        return TypedResults.Ok(new NotificationRequest(!optedOut));
    }

    private static async Task<Results<Ok<NotificationRequest>, ProblemHttpResult>> Put(
        string personnummer, NotificationRequest request, HttpContext context, HubCaller caller, CitizenTokenValidator citizens,
        ILogger<CitizenTokenValidator> logger, INotificationPreferences preferences, TimeProvider timeProvider,
        CancellationToken cancellationToken, string? municipality = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        (municipality, var problem) = caller.Resolve(municipality, required: true);
        problem ??= await Check(personnummer, context, caller, citizens, logger)
            ?? (request.Email is null ? Problems.InvalidParameter("/email", "required", "Give email: false to opt out, true to opt in.") : null);
        if (problem is not null)
        {
            return problem;
        }

        await preferences.SetOptedOutAsync(municipality!, PeopleApi.ToIdentity(personnummer)!, !request.Email!.Value, timeProvider.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(request);
    }

    private static async Task<ProblemHttpResult?> Check(string personnummer, HttpContext context, HubCaller caller,
        CitizenTokenValidator citizens, ILogger logger) =>
        PeopleApi.ToIdentity(personnummer) is { } person
            ? await PeopleApi.CheckViewer(context, caller, person, citizens, logger)
            : Problems.InvalidParameter("personnummer", "personnummer",
                "personnummer must be a valid personnummer or samordningsnummer with 12 digits (YYYYMMDDNNNC), with a correct check digit.");

    private static string? Municipality(HttpContext context) => context.Request.Query["municipality"].FirstOrDefault();
}
