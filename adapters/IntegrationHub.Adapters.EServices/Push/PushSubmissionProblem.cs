namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>
/// One thing wrong with a refused push, made for a ProblemDetails <c>errors</c> entry. Messages never contain values from
/// the payload (they may be personal data), only field names, paths and rules.
/// </summary>
/// <param name="Field">The canonical field, e.g. <c>ApplicantPersonnummer</c> or <c>Attachments[1].Content</c>; for a syntax error <c>body</c>.</param>
/// <param name="Path">The configured JSONPath or XPath the value was read from, when there is one.</param>
/// <param name="Rule">A short stable rule name from <see cref="PushRules"/>, e.g. <c>required</c> or <c>luhn</c>.</param>
/// <param name="Message">What is wrong, in English, naming field, path and rule.</param>
/// <param name="Line">For a syntax error: the 1-based line in the body.</param>
/// <param name="Position">For a syntax error: the 1-based position in that line (bytes for JSON, characters for XML).</param>
public sealed record PushSubmissionProblem(string Field, string? Path, string Rule, string Message, long? Line = null, long? Position = null);
