namespace IntegrationHub.Hub.Cases;

/// <summary>The collaboration state of a case, as its events (and its collaborators' answers) tell it.</summary>
public sealed record CaseState(
    IReadOnlyList<ReferralState> Referrals,
    IReadOnlyList<AssignmentState> Assignments,
    IReadOnlyList<ForwardState> Forwards,
    PauseState Pause);
