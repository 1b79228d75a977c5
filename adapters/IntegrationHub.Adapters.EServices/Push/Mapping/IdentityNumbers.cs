using System.Globalization;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Reads identity numbers as platforms write them and names the rule a bad one breaks.</summary>
internal static class IdentityNumbers
{
    /// <summary>A personnummer or samordningsnummer (121212-1212, 19121212-1212, 191212121212 …), or the rule it breaks.</summary>
    public static PartyIdentity? Personal(string written, DateOnly referenceDate, out string? rule)
    {
        rule = null;
        var compact = written.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (SwedishIdentityNumbers.TryNormalizePersonalIdentityNumber(compact, referenceDate, out var canonical, out var kind))
        {
            return new PartyIdentity(kind == IdentityNumberKind.Samordningsnummer ? IdentityType.Samordningsnummer : IdentityType.Personnummer, canonical);
        }

        var digits = compact.Replace("-", string.Empty, StringComparison.Ordinal).Replace("+", string.Empty, StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit) || digits.Length is not (10 or 12))
        {
            rule = PushRules.Format;
            return null;
        }

        if (digits.Length == 10)
        {
            // Only to tell a date problem from a check digit problem: the century does not change the check digit.
            var yy = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            digits = (yy <= referenceDate.Year % 100 ? "20" : "19") + digits;
        }

        SwedishIdentityNumbers.IsValidPersonnummer(digits, out var asPerson);
        SwedishIdentityNumbers.IsValidSamordningsnummer(digits, out var asCoordination);
        rule = asPerson == IdentityNumberProblem.CheckDigit || asCoordination == IdentityNumberProblem.CheckDigit ? PushRules.Luhn
            : asPerson == IdentityNumberProblem.Format ? PushRules.Format
            : PushRules.PersonnummerDate;
        return null;
    }

    /// <summary>An organisationsnummer (212000-2411, 2120002411, 16-prefixed 162120002411), or the rule it breaks.</summary>
    public static PartyIdentity? Organisation(string written, out string? rule)
    {
        var digits = written.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        SwedishIdentityNumbers.IsValidOrganisationsnummer(digits, out var problem);
        rule = problem switch
        {
            IdentityNumberProblem.None => null,
            IdentityNumberProblem.CheckDigit => PushRules.Luhn,
            IdentityNumberProblem.OrganisationForm => PushRules.OrganisationsnummerForm,
            _ => PushRules.Format,
        };
        return rule is null ? new PartyIdentity(IdentityType.Organisationsnummer, digits) : null;
    }
}
