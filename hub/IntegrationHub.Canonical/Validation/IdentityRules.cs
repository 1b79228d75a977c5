using System.Text.Json;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Checks every <c>PartyIdentity</c> in the event (parties, concerns, document sender and recipients)
/// with <see cref="SwedishIdentityNumbers"/>. Values the schema already rejects (wrong length, hyphen)
/// are left to the schema error.
/// </summary>
internal static class IdentityRules
{
    public static void Check(JsonElement data, List<ValidationError> errors)
    {
        CheckEach(data, "parties", "/data/parties", errors);
        if (JsonRead.TryObject(data, "concerns", out var concerns))
        {
            CheckIdentityOf(concerns, "/data/concerns", errors);
        }

        if (JsonRead.TryObject(data, "document", out var document))
        {
            if (JsonRead.TryObject(document, "sender", out var sender))
            {
                CheckIdentityOf(sender, "/data/document/sender", errors);
            }

            CheckEach(document, "recipients", "/data/document/recipients", errors);
        }
    }

    private static void CheckEach(JsonElement parent, string name, string pointer, List<ValidationError> errors)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            CheckIdentityOf(item, JsonPointer.Append(pointer, index++), errors);
        }
    }

    private static void CheckIdentityOf(JsonElement holder, string holderPointer, List<ValidationError> errors)
    {
        if (!JsonRead.TryObject(holder, "identity", out var identity)
            || !JsonRead.TryString(identity, "type", out var type)
            || !JsonRead.TryString(identity, "value", out var value))
        {
            return;
        }

        var pointer = holderPointer + "/identity/value";
        switch (type)
        {
            case "personnummer":
                SwedishIdentityNumbers.IsValidPersonnummer(value, out var personnummerProblem);
                Report(personnummerProblem, value, pointer, ValidationRules.PersonnummerDate,
                    "The personnummer does not start with a real date (YYYYMMDD). A day of 61 to 91 is a samordningsnummer.", errors);
                break;
            case "samordningsnummer":
                SwedishIdentityNumbers.IsValidSamordningsnummer(value, out var samordningsProblem);
                Report(samordningsProblem, value, pointer, ValidationRules.SamordningsnummerDate,
                    "The samordningsnummer's day must be the day of birth plus 60 (61 to 91) and give a real date.", errors);
                break;
            case "organisationsnummer":
                SwedishIdentityNumbers.IsValidOrganisationsnummer(value, out var organisationProblem);
                Report(organisationProblem, value, pointer, ValidationRules.OrganisationsnummerForm,
                    "The organisationsnummer's third digit must be 2 or higher; a lower one is a personnummer.", errors);
                break;
            default:
                break;
        }
    }

    private static void Report(
        IdentityNumberProblem problem, string value, string pointer, string formRule, string formMessage, List<ValidationError> errors)
    {
        switch (problem)
        {
            case IdentityNumberProblem.Date or IdentityNumberProblem.OrganisationForm:
                errors.Add(new ValidationError(pointer, formRule, formMessage));

                // The check digit is an independent fact; report it too so the sender fixes both at once.
                if (!SwedishIdentityNumbers.IsLuhnValid(value.AsSpan(value.Length - 10)))
                {
                    errors.Add(LuhnError(pointer));
                }

                break;
            case IdentityNumberProblem.CheckDigit:
                errors.Add(LuhnError(pointer));
                break;
            default:
                break;
        }
    }

    private static ValidationError LuhnError(string pointer) =>
        new(pointer, ValidationRules.Luhn, "The check digit (kontrollsiffra) is wrong (Luhn algorithm over the last ten digits).");
}
