using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Outbound;

/// <summary>
/// The Open ePlatform status a hub event sets: <c>{type}/{sourceStatus}</c> first (one status of the system the
/// event came from, e.g. "status-changed/Under handläggning"), then the short type ("decided"). An empty value, or no
/// entry, sets nothing.
/// </summary>
internal sealed class StatusMapping(IReadOnlyDictionary<string, string> mapping)
{
    public (string Key, string Status)? For(CaseEvent caseEvent)
    {
        var type = OpenEPlatformKeys.ShortType(caseEvent.Type);
        if (caseEvent.Data.Case.SourceStatus is { Length: > 0 } sourceStatus && Lookup($"{type}/{sourceStatus}") is { } specific)
        {
            return specific;
        }

        return Lookup(type);
    }

    /// <summary>The short event types any entry names, for the sink's filter.</summary>
    public IEnumerable<string> Types() => mapping.Keys.Select(k => k.Split('/', 2)[0].Trim());

    private (string Key, string Status)? Lookup(string key)
    {
        var hit = mapping.FirstOrDefault(m => string.Equals(m.Key.Trim(), key, StringComparison.OrdinalIgnoreCase));
        return string.IsNullOrWhiteSpace(hit.Value) ? null : (hit.Key, hit.Value.Trim());
    }
}
