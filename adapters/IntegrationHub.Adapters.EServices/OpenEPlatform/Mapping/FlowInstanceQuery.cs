namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>
/// One answered question of <c>Values</c>: its export name (the element name), QueryID and question text, the
/// <c>Value</c> answers, the other simple children (firstname, citizenIdentifier, StartDate …) and the uploaded files.
/// </summary>
internal sealed record FlowInstanceQuery(
    string ExportName,
    string? QueryId,
    string? Name,
    IReadOnlyList<string> Values,
    IReadOnlyDictionary<string, string> Children,
    IReadOnlyList<FlowInstanceFile> Files)
{
    /// <summary>The answer as text: the Value elements, else the other children, joined.</summary>
    public string? Text =>
        Values.Count > 0 ? string.Join(", ", Values)
        : Children.Count > 0 ? string.Join(" ", Children.Values)
        : null;

    /// <summary>One child by name (case-insensitive), e.g. "email".</summary>
    public string? Child(string name) => Children.TryGetValue(name, out var value) ? value : null;

    /// <summary>The names only.</summary>
    public override string ToString() => $"FlowInstanceQuery {{ ExportName = {ExportName}, QueryId = {QueryId} }}";
}
