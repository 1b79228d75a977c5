using IntegrationHub.Hub.Security;
using IntegrationHub.Store.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary>A page of the audit log, newest first; <see cref="Before"/> gives the next (older) page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Before);

/// <summary>
/// <c>GET /api/v1/audit</c>: who read which personal data, and administrative acts. Administrators only; there is no
/// way to change or delete an entry through the API (and the database refuses it too).
/// </summary>
public static class AuditApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        // Reading the audit log is itself recorded: it holds personal data (whose timeline was read).
        AuditRecorder.Audited(
            routes.MapGet("/api/v1/audit", Query).WithTags("Audit").RequireScope(HubScopes.Admin)
                .WithSummary("Audit log entries by municipality, actor, action, resource (e.g. a personnummer) and time, newest first"),
            "audit.read", "audit", c => c.Request.QueryString.Value, c => c.Request.Query["municipality"].FirstOrDefault());
        return routes;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> Query(
        HttpContext context, HubCaller caller, IAuditTrail trail, CancellationToken cancellationToken,
        string? municipality = null, string? actor = null, string? action = null, string? resource = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, long? before = null, int limit = 100)
    {
        var (tenant, problem) = caller.Resolve(municipality, required: false);
        problem ??= QueryParameters.CheckRange("limit", limit, 1, QueryParameters.MaxLimit)
            ?? (from > to ? Problems.InvalidParameter("to", "range", "to must be after from.") : null)
            ?? (resource is { Length: > 500 } ? Problems.InvalidParameter("resource", "maxLength", "resource is at most 500 characters.") : null);
        if (problem is not null)
        {
            return problem;
        }

        var entries = await trail.QueryAsync(new AuditQuery
        {
            Municipality = tenant,
            Actor = actor,
            Action = action,
            // A personnummer may be asked for with its hyphen; entries hold the digits.
            Resource = QueryParameters.PersonnummerDigits(resource) is { Length: 12 } digits && digits.All(char.IsAsciiDigit) ? digits : resource,
            From = from,
            To = to,
            BeforeId = before,
            Limit = limit,
        }, cancellationToken);
        AuditRecorder.SetCount(context, entries.Count);
        return TypedResults.Ok(new AuditPage(entries, entries.Count == limit ? entries[^1].Id : null));
    }
}
