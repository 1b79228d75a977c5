using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.Abstractions;

/// <summary>An event the hub refused, with each rule it broke.</summary>
/// <param name="Index">Position in the submitted list.</param>
/// <param name="Errors">The failing JSON pointers and rules.</param>
public sealed record RejectedEvent(int Index, IReadOnlyList<ValidationError> Errors);
