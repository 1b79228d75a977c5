namespace IntegrationHub.Canonical.Validation;

/// <summary>Why a Swedish identity number was rejected by <see cref="SwedishIdentityNumbers"/>.</summary>
public enum IdentityNumberProblem
{
    /// <summary>The number is valid.</summary>
    None = 0,

    /// <summary>Not in canonical form: wrong length, a hyphen or another non-digit, or an impossible century.</summary>
    Format,

    /// <summary>The date part is not a real calendar date (for samordningsnummer: the day is not 61–91, or the date minus 60 days is not real).</summary>
    Date,

    /// <summary>The Luhn check digit (kontrollsiffra) is wrong.</summary>
    CheckDigit,

    /// <summary>An organisationsnummer whose third digit is below 2, i.e. it has the form of a personnummer.</summary>
    OrganisationForm,
}
