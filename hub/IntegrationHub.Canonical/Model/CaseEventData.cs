namespace IntegrationHub.Canonical.Model;

/// <summary>The <c>data</c> of a Sambruk case event.</summary>
public sealed record CaseEventData
{
    /// <summary>The case.</summary>
    public required CaseRef Case { get; init; }
    /// <summary>What happened.</summary>
    public required EventDetails Event { get; init; }
    /// <summary>The document registered, if any.</summary>
    public Document? Document { get; init; }
    /// <summary>Parties with roles.</summary>
    public IReadOnlyList<Party>? Parties { get; init; }
    /// <summary>Whom the event concerns, when not the applicant.</summary>
    public Concerns? Concerns { get; init; }
    /// <summary>The decision, for decided events.</summary>
    public Decision? Decision { get; init; }
    /// <summary>Remiss, uppdrag or vidarebefordran.</summary>
    public Collaboration? Collaboration { get; init; }
    /// <summary>Pause details, for paused events.</summary>
    public Pause? Pause { get; init; }
    /// <summary>Restriction (sekretess).</summary>
    public Restriction? Restriction { get; init; }
    /// <summary>The deadline that passed, for deadline-passed events.</summary>
    public Deadline? Deadline { get; init; }
    /// <summary>A request for the registrator's review of an automatic registration.</summary>
    public Review? Review { get; init; }

    /// <summary>The source case id only: the rest may be personal data.</summary>
    public override string ToString() => $"CaseEventData {{ Case = {Case.SourceSystem}/{Case.SourceCaseId} }}";
}
