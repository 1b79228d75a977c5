namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>Names fixed by the platform and the hub.</summary>
internal static class OpenEPlatformKeys
{
    public const string SourceSystem = "open-eplatform";
    public const string Kind = "open-eplatform";
    public const string DefaultSchedule = "0 0/5 * * * ?";
    public const string FlowInstanceNamespace = "http://www.oeplatform.org/version/2.0/schemas/flowinstance";
    public const string CallbackNamespace = "http://www.oeplatform.org/version/1.0/schemas/integration/callback";

    public static string Source(string municipality) => $"urn:integrationhub:{SourceSystem}:{municipality}";

    /// <summary>The event type without the Sambruk prefix (se.sambruk.case.decided → decided).</summary>
    public static string ShortType(string type) =>
        type.StartsWith(IntegrationHub.Canonical.Model.CaseEventTypes.Prefix, StringComparison.Ordinal) ? type[IntegrationHub.Canonical.Model.CaseEventTypes.Prefix.Length..] : type;
}
