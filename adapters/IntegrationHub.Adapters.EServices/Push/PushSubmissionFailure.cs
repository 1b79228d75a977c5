namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>A refused push, ready to become a ProblemDetails: status from <see cref="Kind"/>, title, detail, and the problems as <c>errors</c>.</summary>
/// <param name="Kind">The refusal class; <c>(int)Kind</c> is the HTTP status.</param>
/// <param name="Title">A short title for the ProblemDetails.</param>
/// <param name="Detail">The detail for the ProblemDetails; never personal data, never a hint about secrets.</param>
/// <param name="Problems">The individual problems (empty for 401, 404, 413 and 415).</param>
/// <param name="LogReason">For the hub's log only, never for the response: why a 401 was given (e.g. "stale timestamp").</param>
public sealed record PushSubmissionFailure(PushFailureKind Kind, string Title, string Detail, IReadOnlyList<PushSubmissionProblem> Problems, string? LogReason = null)
{
    /// <summary>The HTTP status to answer with.</summary>
    public int Status => (int)Kind;
}
