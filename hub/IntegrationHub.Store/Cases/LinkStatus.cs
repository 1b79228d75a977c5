namespace IntegrationHub.Store.Cases;

/// <summary>What linking a source id did.</summary>
public enum LinkStatus
{
    /// <summary>The source id now belongs to the case.</summary>
    Linked,
    /// <summary>It already did; nothing changed (linking twice is harmless).</summary>
    AlreadyLinked,
    /// <summary>Another hub case has it; nothing changed.</summary>
    BelongsToOtherCase,
}
