using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Hub.Security;

/// <summary>The tenant boundary: a caller reads and writes only the municipalities it is bound to.</summary>
public static class Tenancy
{
    /// <summary>
    /// The municipality a request is about: the one asked for (checked against the caller), or, when none is
    /// given, the caller's only municipality. A 400 for a malformed or missing one, a 403 for another municipality's.
    /// </summary>
    public static (string? Municipality, ProblemHttpResult? Problem) Resolve(this HubCaller caller, string? requested, bool required)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (requested is null)
        {
            if (caller.OnlyMunicipality is { } only)
            {
                return (only, null);
            }

            return required || !caller.IsInstallationWide
                ? (null, QueryParameters.CheckMunicipality(null, required: true))
                : (null, null);
        }

        if (QueryParameters.CheckMunicipality(requested, required: true) is { } malformed)
        {
            return (null, malformed);
        }

        return caller.CanAccess(requested)
            ? (requested, null)
            : (null, OtherMunicipality("municipality", requested));
    }

    /// <summary>A 403 naming the field for a municipality the caller is not bound to.</summary>
    public static ProblemHttpResult OtherMunicipality(string field, string municipality) =>
        Problems.Forbidden(field, "tenant",
            $"The caller is not bound to municipality {municipality}; a key or token of one municipality never reads or writes another's data.");

    /// <summary>True when the caller may see a resource of this municipality and classification (else answer 404, not 403: its existence is not revealed).</summary>
    public static bool MaySee(this HubCaller caller, string municipality, DataClassification classification)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.CanAccess(municipality) && caller.MaySee(classification);
    }

    /// <summary>An endpoint filter: only installation-wide callers (municipality <c>*</c>), for what spans every municipality.</summary>
    public static async ValueTask<object?> InstallationWideOnly(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        return HubCaller.From(invocation.HttpContext.User) is { IsInstallationWide: true }
            ? await next(invocation)
            : Problems.Forbidden("municipality", "installationWide",
                "This spans every municipality of the hub: only an installation-wide administrator key (municipality *) may use it.");
    }
}
