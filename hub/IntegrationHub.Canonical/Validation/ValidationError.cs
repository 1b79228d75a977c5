namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// One problem found in a case event. Messages never contain values from the event, so errors
/// can be logged and returned to senders without leaking personal data.
/// </summary>
/// <param name="Pointer">
/// RFC 6901 JSON pointer into the event, e.g. <c>/data/case/sourceCaseId</c>; the empty string is the root.
/// For <c>required</c> and <c>additionalProperties</c> errors it names the missing or extra property itself.
/// </param>
/// <param name="Rule">A short, stable rule name (see <see cref="ValidationRules"/>), e.g. <c>required</c> or <c>luhn</c>.</param>
/// <param name="Message">A human-readable English explanation.</param>
#pragma warning disable CA1720 // "Pointer" is the RFC 6901 term (JSON pointer), not a type name.
public sealed record ValidationError(string Pointer, string Rule, string Message);
#pragma warning restore CA1720
