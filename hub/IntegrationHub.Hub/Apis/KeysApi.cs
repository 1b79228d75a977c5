using System.Text.RegularExpressions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Hub.Security;
using IntegrationHub.Hub.Security.ApiKeys;
using IntegrationHub.Store.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub.Apis;

/// <summary>A new or rotated key: the only answer that ever carries the key itself.</summary>
public sealed record ApiKeyCreated(string Key, ApiKeyView ApiKey);

/// <summary>A key as listed: never its secret or hash.</summary>
public sealed record ApiKeyView(
    string Id, string Name, string Municipality, IReadOnlyList<string> Scopes, IReadOnlyList<string> Sources,
    string ClassificationCeiling, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset RotatedAt,
    DateTimeOffset? PreviousSecretValidUntil, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string State)
{
    /// <summary>The view of a stored key at a moment.</summary>
    public static ApiKeyView From(ApiKeyRecord key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var state = key.RevokedAt is not null ? "revoked" : key.ExpiresAt <= now ? "expired" : "active";
        return new ApiKeyView(key.Id, key.Name, key.Municipality, key.Scopes, key.Sources,
            CaseEventFormatter.ClassificationName(key.ClassificationCeiling), key.CreatedAt, key.CreatedBy, key.RotatedAt,
            key.PreviousSecretValidUntil > now ? key.PreviousSecretValidUntil : null, key.ExpiresAt, key.RevokedAt, state);
    }
}

/// <summary>What a new key may do.</summary>
public sealed record CreateApiKeyRequest(
    string? Name, string? Municipality, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? Sources,
    DataClassification? ClassificationCeiling, DateTimeOffset? ExpiresAt);

/// <summary>How long the old secret keeps working after a rotation (0–10080 minutes; default 0: not at all).</summary>
public sealed record RotateApiKeyRequest(int? GraceMinutes);

/// <summary>
/// <c>/api/v1/keys</c>: administrators create, list, rotate and revoke the API keys of systems. A key is shown once,
/// in the answer that creates or rotates it; the hub keeps only its hash. A municipality's administrator manages
/// that municipality's keys, and never grants more than they have; installation-wide keys (<c>*</c>) only come from
/// installation-wide administrators.
/// </summary>
public static partial class KeysApi
{
    private const int MaxNameLength = 200;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithTags("Keys").RequireScope(HubScopes.Admin);
        AuditRecorder.Audited(group.MapPost("/", Create).WithSummary("Create a system's API key; the key is in this answer only"),
            "key.create", "key", _ => null);
        group.MapGet("/", List).WithSummary("The keys of a municipality (or all, for installation-wide administrators), without secrets");
        group.MapGet("/{id}", Get).WithSummary("One key, without its secret");
        AuditRecorder.Audited(group.MapPost("/{id}/rotate", Rotate).WithSummary("A new secret for the key (shown once); the old one works for graceMinutes more"),
            "key.rotate", "key", c => c.Request.RouteValues["id"] as string);
        AuditRecorder.Audited(group.MapDelete("/{id}", Revoke).WithSummary("Revoke the key at once (it stays listed as revoked)"),
            "key.revoke", "key", c => c.Request.RouteValues["id"] as string);
        return routes;
    }

    private static async Task<Results<Created<ApiKeyCreated>, ProblemHttpResult>> Create(
        CreateApiKeyRequest request, HttpContext context, HubCaller caller, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var scopes = request.Scopes ?? [];
        var sources = request.Sources ?? [];
        var ceiling = request.ClassificationCeiling ?? DataClassification.Public;
        var problem = CheckName(request.Name)
            ?? CheckMunicipality(caller, request.Municipality)
            ?? CheckScopes(caller, scopes)
            ?? CheckSources(scopes, sources)
            ?? (!caller.MaySee(ceiling)
                ? Problems.Forbidden("/classificationCeiling", "ceiling", "A key never reads more than the administrator who creates it.")
                : null)
            ?? (request.ExpiresAt <= now ? Problems.InvalidParameter("/expiresAt", "future", "expiresAt must be in the future (or absent: no expiry).") : null);
        if (problem is not null)
        {
            return problem;
        }

        var secret = ApiKeyFormat.NewSecret();
        ApiKeyRecord key;
        do
        {
            key = new ApiKeyRecord
            {
                Id = ApiKeyFormat.NewId(),
                Name = request.Name!.Trim(),
                Municipality = request.Municipality!,
                Scopes = [.. scopes.Distinct(StringComparer.Ordinal)],
                Sources = [.. sources.Distinct(StringComparer.Ordinal)],
                ClassificationCeiling = ceiling,
                SecretHash = ApiKeyFormat.Hash(secret),
                ExpiresAt = request.ExpiresAt,
                CreatedBy = caller.Actor,
                CreatedAt = now,
                RotatedAt = now,
            };
        }
        while (!await keys.CreateAsync(key, cancellationToken));

        AuditRecorder.SetMunicipality(context, key.Municipality);
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new ApiKeyCreated(ApiKeyFormat.Compose(key.Id, secret), ApiKeyView.From(key, now)));
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiKeyView>>, ProblemHttpResult>> List(
        HubCaller caller, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken, string? municipality = null)
    {
        var (tenant, problem) = caller.Resolve(municipality, required: false);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<ApiKeyView>>([.. (await keys.ListAsync(tenant, cancellationToken)).Select(k => ApiKeyView.From(k, now))]);
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> Get(
        string id, HubCaller caller, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken) =>
        await Find(id, caller, keys, cancellationToken) is { } key
            ? TypedResults.Ok(ApiKeyView.From(key, time.GetUtcNow()))
            : Problems.NotFound("key");

    private static async Task<Results<Ok<ApiKeyCreated>, ProblemHttpResult>> Rotate(
        string id, RotateApiKeyRequest? request, HttpContext context, HubCaller caller, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var grace = request?.GraceMinutes ?? 0;
        if (grace is < 0 or > 10_080)
        {
            return Problems.InvalidParameter("/graceMinutes", "range", "graceMinutes is 0–10080 (a week): how long the old secret keeps working.");
        }

        if (await Find(id, caller, keys, cancellationToken) is not { } key)
        {
            return Problems.NotFound("key");
        }

        var now = time.GetUtcNow();
        var secret = ApiKeyFormat.NewSecret();
        var rotated = await keys.RotateAsync(key.Id, ApiKeyFormat.Hash(secret), now, grace > 0 ? now.AddMinutes(grace) : null, cancellationToken);
        if (rotated is null)
        {
            return Problems.Conflict("The key is revoked; create a new one instead.");
        }

        AuditRecorder.SetMunicipality(context, key.Municipality);
        return TypedResults.Ok(new ApiKeyCreated(ApiKeyFormat.Compose(key.Id, secret), ApiKeyView.From(rotated, now)));
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> Revoke(
        string id, HttpContext context, HubCaller caller, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await Find(id, caller, keys, cancellationToken) is not { } key)
        {
            return Problems.NotFound("key");
        }

        var now = time.GetUtcNow();
        AuditRecorder.SetMunicipality(context, key.Municipality);
        return TypedResults.Ok(ApiKeyView.From((await keys.RevokeAsync(key.Id, now, cancellationToken))!, now));
    }

    /// <summary>A key the caller administers: one of its municipality, or any for an installation-wide administrator.</summary>
    private static async Task<ApiKeyRecord?> Find(string id, HubCaller caller, IApiKeyStore keys, CancellationToken cancellationToken) =>
        id.Length == ApiKeyFormat.IdLength && await keys.GetAsync(id, cancellationToken) is { } key
        && (caller.IsInstallationWide || key.Municipality != HubClaims.AllMunicipalities && caller.CanAccess(key.Municipality))
            ? key
            : null;

    private static ProblemHttpResult? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Problems.InvalidParameter("/name", "required", "Give the key a name that says which system uses it, e.g. \"Mina Sidor (produktion)\".")
        : name.Length > MaxNameLength ? Problems.InvalidParameter("/name", "maxLength", $"name is at most {MaxNameLength} characters.")
        : null;

    private static ProblemHttpResult? CheckMunicipality(HubCaller caller, string? municipality) =>
        municipality switch
        {
            null => Problems.InvalidParameter("/municipality", "required", "Give the kommunkod the key is bound to (four digits), or * for an installation-wide administrator key."),
            HubClaims.AllMunicipalities when !caller.IsInstallationWide =>
                Problems.Forbidden("/municipality", "installationWide", "Only an installation-wide administrator creates installation-wide keys."),
            HubClaims.AllMunicipalities => null,
            _ when !QueryParameters.IsKommunkod(municipality) => Problems.InvalidParameter("/municipality", "pattern", "municipality is a four-digit kommunkod, e.g. 2281, or *."),
            _ when !caller.CanAccess(municipality) => Tenancy.OtherMunicipality("/municipality", municipality),
            _ => null,
        };

    private static ProblemHttpResult? CheckScopes(HubCaller caller, IReadOnlyList<string> scopes)
    {
        if (scopes.Count == 0)
        {
            return Problems.InvalidParameter("/scopes", "required", $"Give at least one scope: {string.Join(", ", HubScopes.All)}.");
        }

        for (var i = 0; i < scopes.Count; i++)
        {
            if (!HubScopes.IsKnown(scopes[i]))
            {
                return Problems.InvalidParameter($"/scopes/{i}", "enum", $"'{scopes[i]}' is not a scope; use {string.Join(", ", HubScopes.All)}.");
            }

            if (!caller.Has(scopes[i]))
            {
                return Problems.Forbidden($"/scopes/{i}", "scope", $"An administrator grants only scopes they have; '{scopes[i]}' is not one of them.");
            }
        }

        return null;
    }

    private static ProblemHttpResult? CheckSources(IReadOnlyList<string> scopes, IReadOnlyList<string> sources)
    {
        if (scopes.Contains(HubScopes.EventsWrite) && sources.Count == 0)
        {
            return Problems.InvalidParameter("/sources", "required", "A key with events:write names the source systems it submits as (data.case.sourceSystem), e.g. [\"edp-future\"].");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            if (!SourceSystem().IsMatch(sources[i]))
            {
                return Problems.InvalidParameter($"/sources/{i}", "pattern", "A source system is 1–50 lower-case letters, digits or hyphens, as in data.case.sourceSystem.");
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex SourceSystem();
}
