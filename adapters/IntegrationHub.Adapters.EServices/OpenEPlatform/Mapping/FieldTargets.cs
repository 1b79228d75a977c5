using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>The canonical fields a question can be mapped to (<c>Families:{id}:Fields</c>).</summary>
internal static class FieldTargets
{
    public const string CaseTitle = "case.title";
    public const string Unit = "unit";
    public const string DocumentTitle = "document.title";
    public const string EventDescription = "event.description";
    public const string PartiesPrefix = "parties.";

    public static IReadOnlyList<string> Simple { get; } = [CaseTitle, Unit, DocumentTitle, EventDescription];

    public static bool IsValid(string? target) =>
        target is not null && (Simple.Contains(target, StringComparer.OrdinalIgnoreCase) || Role(target) is not null);

    /// <summary>The role of a <c>parties.{role}</c> target, e.g. parties.property-owner.</summary>
    public static PartyRole? Role(string target) =>
        target.StartsWith(PartiesPrefix, StringComparison.OrdinalIgnoreCase) && CanonicalNames.TryParse<PartyRole>(target[PartiesPrefix.Length..], out var role)
            ? role
            : null;
}
