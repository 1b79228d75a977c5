namespace IntegrationHub.Hub.Review;

/// <summary>A registrator action the hub refuses: a field breaking a rule (400) or a conflict with the item's state (409).</summary>
public sealed class ReviewException : Exception
{
    /// <summary>Creates it.</summary>
    public ReviewException(string message, string? field = null, string? rule = null)
        : base(message)
    {
        Field = field;
        Rule = rule;
    }

    /// <summary>Creates it.</summary>
    public ReviewException() { }

    /// <summary>Creates it.</summary>
    public ReviewException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The request field at fault; null for a conflict with the item's state.</summary>
    public string? Field { get; }

    /// <summary>The rule the field broke.</summary>
    public string? Rule { get; }
}
