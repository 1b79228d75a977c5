namespace IntegrationHub.Delivery.RabbitMq;

/// <summary>
/// The routing key <c>{municipality}.{caseType}.{eventType}</c>. The event type is the part after
/// <c>se.sambruk.case.</c> (<c>opened</c>, <c>decided</c> …), so a binding such as <c>2281.bygglov.*</c> or
/// <c>*.*.decided</c> means what it says; words are lower case and dots inside a word become hyphens.
/// </summary>
public static class RabbitMqRouting
{
    /// <summary>The case type word when the hub does not know the case's type.</summary>
    public const string UnknownCaseType = "okand";

    private const string TypePrefix = "se.sambruk.case.";

    /// <summary>The routing key of an event.</summary>
    public static string RoutingKey(string municipality, string? caseType, string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var type = eventType.StartsWith(TypePrefix, StringComparison.Ordinal) ? eventType[TypePrefix.Length..] : eventType;
        return $"{Word(municipality)}.{(string.IsNullOrWhiteSpace(caseType) ? UnknownCaseType : Word(caseType))}.{Word(type)}";
    }

    private static string Word(string value) => value.Trim().ToLowerInvariant().Replace('.', '-');
}
