namespace IntegrationHub.Hub.Security;

/// <summary>The claim types the hub's authentication schemes put on a caller (the same for keys and people).</summary>
public static class HubClaims
{
    /// <summary><c>key:{id}</c> or <c>user:{subject}</c>: who, for the audit log.</summary>
    public const string Actor = "ihub:actor";

    /// <summary>A display name: the key's name or the person's name claim.</summary>
    public const string ActorName = "ihub:name";

    /// <summary>One per scope.</summary>
    public const string Scope = "ihub:scope";

    /// <summary>One per municipality the caller is bound to; <c>*</c> for installation-wide.</summary>
    public const string Municipality = "ihub:municipality";

    /// <summary>One per source system an <c>events:write</c> caller may submit as.</summary>
    public const string Source = "ihub:source";

    /// <summary>The highest classification the caller may read (public, internal, confidential, restricted).</summary>
    public const string Ceiling = "ihub:ceiling";

    /// <summary>The municipality wildcard of installation-wide administrators.</summary>
    public const string AllMunicipalities = "*";
}
