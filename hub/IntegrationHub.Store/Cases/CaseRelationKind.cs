namespace IntegrationHub.Store.Cases;

/// <summary>How one hub case led to another across an organisational boundary.</summary>
public enum CaseRelationKind
{
    /// <summary>The case was forwarded (vidarebefordran) to the related case.</summary>
    ForwardedTo,
    /// <summary>The case was sent on remiss; the related case handles the answer.</summary>
    ReferredTo,
    /// <summary>Work was assigned (uppdragsgivning); the related case does it.</summary>
    AssignedTo,
}
