namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>Finds a question by its export name or QueryID, and a value by <c>{question}</c> or <c>{question}/{child}</c>.</summary>
internal static class QuestionLookup
{
    public static FlowInstanceQuery? Find(FlowInstance instance, string key)
    {
        var name = key.Split('/', 2)[0].Trim();
        return instance.Queries.FirstOrDefault(q => string.Equals(q.ExportName, name, StringComparison.OrdinalIgnoreCase))
            ?? instance.Queries.FirstOrDefault(q => q.QueryId == name);
    }

    public static string? Value(FlowInstance instance, string key)
    {
        if (Find(instance, key) is not { } query)
        {
            return null;
        }

        var parts = key.Split('/', 2);
        return parts.Length == 2 ? query.Child(parts[1].Trim()) : query.Text;
    }
}
