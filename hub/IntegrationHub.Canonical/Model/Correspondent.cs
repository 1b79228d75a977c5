namespace IntegrationHub.Canonical.Model;

/// <summary>The sender (avsändare) or a recipient (mottagare) of a document.</summary>
public sealed record Correspondent
{
    /// <summary>Name of a person.</summary>
    public string? Name { get; init; }
    /// <summary>Organisation name.</summary>
    public string? Organisation { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Identity, when known.</summary>
    public PartyIdentity? Identity { get; init; }

    /// <summary>Nothing personal: senders and recipients are personal data.</summary>
    public override string ToString() => "Correspondent { *** }";
}
