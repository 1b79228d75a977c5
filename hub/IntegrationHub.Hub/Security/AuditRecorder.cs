using IntegrationHub.Store.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// Writes the audit log entries of a request. Reads of personal data are recorded before the answer
/// is sent: if the entry cannot be written the read fails (an unlogged read of personal data must not happen).
/// </summary>
public sealed class AuditRecorder(IAuditTrail trail, TimeProvider timeProvider)
{
    private const string CountKey = "ihub.audit.count";
    private const string CitizenKey = "ihub.audit.citizen";
    private const string MunicipalityKey = "ihub.audit.municipality";

    /// <summary>Notes how many records the answer holds (picked up by <see cref="Audited{TBuilder}"/>).</summary>
    public static void SetCount(HttpContext context, int count)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[CountKey] = count;
    }

    /// <summary>Notes the citizen a portal asserted, so the entry says on whose behalf the portal read.</summary>
    public static void SetCitizen(HttpContext context, string personnummer)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[CitizenKey] = personnummer;
    }

    /// <summary>Notes the municipality of the resource read (when the request does not name it).</summary>
    public static void SetMunicipality(HttpContext context, string municipality)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[MunicipalityKey] = municipality;
    }

    /// <summary>Appends one entry about the current request.</summary>
    public Task<long> RecordAsync(HttpContext context, string action, string resourceType, string? resource, string municipality, int status, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = HubCaller.From(context.User);
        var actor = caller?.Actor ?? "anonymous";
        if (context.Items.TryGetValue(CitizenKey, out var citizen) && citizen is string personnummer)
        {
            actor = $"{actor}/citizen:{personnummer}";
        }

        return trail.AppendAsync(new AuditEntry
        {
            At = timeProvider.GetUtcNow(),
            Municipality = municipality,
            Actor = actor,
            ActorName = caller?.Name,
            Action = action,
            ResourceType = resourceType,
            Resource = resource is { Length: > 500 } ? resource[..500] : resource,
            Count = count ?? (context.Items.TryGetValue(CountKey, out var noted) ? noted as int? : null),
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
            TraceId = context.TraceIdentifier,
            Status = status,
        }, context.RequestAborted);
    }

    /// <summary>
    /// Records every call of the endpoint: <paramref name="action"/> on <paramref name="resourceType"/>, the resource
    /// and municipality read from the request by the given functions, and the answer's status.
    /// </summary>
    public static TBuilder Audited<TBuilder>(TBuilder builder, string action, string resourceType,
        Func<HttpContext, string?> resource, Func<HttpContext, string?>? municipality = null) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var result = await next(invocation);
            var context = invocation.HttpContext;
            var status = StatusOf(result);
            var tenant = (context.Items.TryGetValue(MunicipalityKey, out var noted) ? noted as string : null)
                ?? municipality?.Invoke(context) ?? HubCaller.From(context.User)?.OnlyMunicipality ?? HubClaims.AllMunicipalities;
            await context.RequestServices.GetRequiredService<AuditRecorder>()
                .RecordAsync(context, action, resourceType, resource(context), tenant, status);
            return result;
        });
        return builder;
    }

    private static int StatusOf(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
    }
}
