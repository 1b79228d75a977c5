namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>A compiled JSONPath or XPath from the mapping.</summary>
internal abstract class FieldPath(string expression)
{
    /// <summary>The path as configured, for messages.</summary>
    public string Expression { get; } = expression;

    /// <summary>Every value the path selects from <paramref name="context"/> (the document, or one attachment), in document order.</summary>
    public abstract IReadOnlyList<PayloadValue> Select(PayloadValue context);
}
