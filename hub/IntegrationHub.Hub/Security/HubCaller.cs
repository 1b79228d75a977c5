using System.Reflection;
using System.Security.Claims;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Hub.Security;

/// <summary>
/// The authenticated caller of an API, whatever the scheme (API key or a person's token): who it
/// is, which municipalities it is bound to, its scopes, source systems and classification ceiling.
/// Endpoints take it as a parameter; it binds from the request's user.
/// </summary>
public sealed class HubCaller
{
    private readonly HashSet<string> _scopes;
    private readonly HashSet<string> _municipalities;
    private readonly HashSet<string> _sources;

    /// <summary>Creates a caller.</summary>
    public HubCaller(string actor, string? name, IEnumerable<string> municipalities, IEnumerable<string> scopes,
        IEnumerable<string> sources, DataClassification ceiling)
    {
        Actor = actor;
        Name = name;
        _municipalities = [.. municipalities];
        _scopes = [.. scopes];
        _sources = [.. sources];
        Ceiling = ceiling;
    }

    /// <summary><c>key:{id}</c> or <c>user:{subject}</c>.</summary>
    public string Actor { get; }

    /// <summary>The key's name or the person's name, or null.</summary>
    public string? Name { get; }

    /// <summary>The highest classification the caller may read.</summary>
    public DataClassification Ceiling { get; }

    /// <summary>True for an installation-wide caller (municipality <c>*</c>).</summary>
    public bool IsInstallationWide => _municipalities.Contains(HubClaims.AllMunicipalities);

    /// <summary>The municipalities the caller is bound to (<c>*</c> for all).</summary>
    public IReadOnlyCollection<string> Municipalities => _municipalities;

    /// <summary>The one municipality a caller bound to exactly one is bound to, else null.</summary>
    public string? OnlyMunicipality => !IsInstallationWide && _municipalities.Count == 1 ? _municipalities.First() : null;

    /// <summary>The caller's scopes as granted (without what <see cref="HubScopes.Admin"/> implies).</summary>
    public IReadOnlyCollection<string> Scopes => _scopes;

    /// <summary>The source systems an <c>events:write</c> caller may submit as.</summary>
    public IReadOnlyCollection<string> Sources => _sources;

    /// <summary>True when the caller has the scope, or is an administrator.</summary>
    public bool Has(string scope) => _scopes.Contains(scope) || _scopes.Contains(HubScopes.Admin);

    /// <summary>True when the caller may read or write the municipality's data.</summary>
    public bool CanAccess(string municipality) => IsInstallationWide || _municipalities.Contains(municipality);

    /// <summary>True when the caller may read something of this classification.</summary>
    public bool MaySee(DataClassification classification) => classification <= Ceiling;

    /// <summary>True when the caller may submit events as this source system (administrators: any).</summary>
    public bool MaySubmitAs(string sourceSystem) => _scopes.Contains(HubScopes.Admin) || _sources.Contains(sourceSystem);

    /// <summary>
    /// Who to record as having acted: a person signed in with a token is recorded by their own name (a name in the request
    /// cannot override it); a system's key may name the person it acts for, else the key's name is recorded.
    /// </summary>
    public string ActingAs(string? given) =>
        Actor.StartsWith("user:", StringComparison.Ordinal) ? Name ?? Actor[5..]
        : string.IsNullOrWhiteSpace(given) ? Name ?? Actor : given;

    /// <summary>The caller of the request, from the claims its authentication scheme set; null when unauthenticated.</summary>
    public static HubCaller? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(HubClaims.Actor) is not { } actor)
        {
            return null;
        }

        var ceiling = user.FindFirst(HubClaims.Ceiling)?.Value is { } value
            ? CaseEventFormatter.ParseClassification(value)
            : DataClassification.Public;
        return new HubCaller(actor.Value, user.FindFirst(HubClaims.ActorName)?.Value,
            user.FindAll(HubClaims.Municipality).Select(c => c.Value),
            user.FindAll(HubClaims.Scope).Select(c => c.Value),
            user.FindAll(HubClaims.Source).Select(c => c.Value), ceiling);
    }

    /// <summary>The claims that describe this caller (what the authentication schemes issue).</summary>
    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(HubClaims.Actor, Actor);
        if (Name is not null)
        {
            yield return new Claim(HubClaims.ActorName, Name);
        }

        foreach (var municipality in _municipalities)
        {
            yield return new Claim(HubClaims.Municipality, municipality);
        }

        foreach (var scope in _scopes)
        {
            yield return new Claim(HubClaims.Scope, scope);
        }

        foreach (var source in _sources)
        {
            yield return new Claim(HubClaims.Source, source);
        }

        yield return new Claim(HubClaims.Ceiling, CaseEventFormatter.ClassificationName(Ceiling));
    }

    /// <summary>Minimal API binding: every hub endpoint but /health requires an authenticated caller, so this is never null there.</summary>
    public static ValueTask<HubCaller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<HubCaller?>(From(context.User)
            ?? throw new InvalidOperationException($"{parameter?.Name} needs an authenticated request; the endpoint lacks RequireAuthorization."));
    }
}
