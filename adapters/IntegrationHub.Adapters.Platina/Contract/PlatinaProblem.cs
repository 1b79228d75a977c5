namespace IntegrationHub.Adapters.Platina.Contract;

/// <summary>An RFC 9457 problem (ProblemDetails) body, as Platina's errors carry; <c>errors</c> names the fields at fault.</summary>
internal sealed record PlatinaProblem(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
