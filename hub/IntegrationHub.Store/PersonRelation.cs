namespace IntegrationHub.Store;

/// <summary>How a person is related to an event in the person index.</summary>
public enum PersonRelation
{
    /// <summary>The event concerns the person (e.g. a child in a guardian's case).</summary>
    Concerns,
    /// <summary>The person is a party of the case.</summary>
    Party,
}
