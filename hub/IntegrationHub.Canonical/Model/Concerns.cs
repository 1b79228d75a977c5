namespace IntegrationHub.Canonical.Model;

/// <summary>The person the event concerns, when it differs from the applicant (e.g. a child).</summary>
public sealed record Concerns
{
    /// <summary>Identity of the person concerned.</summary>
    public required PartyIdentity Identity { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Skyddad identitet.</summary>
    public bool? ProtectedIdentity { get; init; }

    /// <summary>Nothing personal: who an event concerns is personal data.</summary>
    public override string ToString() => "Concerns { *** }";
}
