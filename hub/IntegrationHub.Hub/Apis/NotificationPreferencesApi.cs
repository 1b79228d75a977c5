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
        var group = routes.MapGroup("/api/v1/people").WithTags("People");
        group.MapGet("/{personnummer}/notifications", Get).WithSummary("Whether the person gets notification e-mail from the municipality");
        group.MapPut("/{personnummer}/notifications", Put).WithSummary("Opt out of notification e-mail ({\"email\": false}) or back in");
        return routes;
    }

    private static async Task<Results<Ok<NotificationRequest>, ProblemHttpResult>> Get(
        string personnummer, INotificationPreferences preferences, CancellationToken cancellationToken, string? municipality = null)
    {
        if (Check(personnummer, municipality) is { } problem)
        {
            return problem;
        }

        var optedOut = await preferences.IsOptedOutAsync(municipality!, PeopleApi.ToIdentity(personnummer)!, cancellationToken);
        return TypedResults.Ok(new NotificationRequest(!optedOut));
    }

    private static async Task<Results<Ok<NotificationRequest>, ProblemHttpResult>> Put(
        string personnummer, NotificationRequest request, INotificationPreferences preferences, TimeProvider timeProvider,
        CancellationToken cancellationToken, string? municipality = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = Check(personnummer, municipality)
            ?? (request.Email is null ? Problems.InvalidParameter("/email", "required", "Give email: false to opt out, true to opt in.") : null);
        if (problem is not null)
        {
            return problem;
        }

        await preferences.SetOptedOutAsync(municipality!, PeopleApi.ToIdentity(personnummer)!, !request.Email!.Value, timeProvider.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(request);
    }

    private static ProblemHttpResult? Check(string personnummer, string? municipality) =>
        QueryParameters.CheckMunicipality(municipality, required: true)
        ?? (PeopleApi.ToIdentity(personnummer) is null
            ? Problems.InvalidParameter("personnummer", "personnummer",
                "personnummer must be a valid personnummer or samordningsnummer with 12 digits (YYYYMMDDNNNC), with a correct check digit.")
            : null);
}
