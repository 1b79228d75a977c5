using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Hub.Apis;

/// <summary>Checks shared by the query APIs; each failure names the parameter and the rule.</summary>
public static partial class QueryParameters
{
    /// <summary>Largest page any query returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A 400 unless <paramref name="municipality"/> is a four-digit kommunkod.</summary>
    public static ProblemHttpResult? CheckMunicipality(string? municipality, bool required) =>
        municipality is null
            ? required ? Problems.InvalidParameter("municipality", "required", "Give the municipality's four-digit kommunkod, e.g. municipality=2281.") : null
            : KommunkodPattern().IsMatch(municipality) ? null
            : Problems.InvalidParameter("municipality", "pattern", "municipality must be a four-digit kommunkod, e.g. 2281.");

    /// <summary>True for a four-digit kommunkod.</summary>
    public static bool IsKommunkod(string? value) => value is not null && KommunkodPattern().IsMatch(value);

    /// <summary>A personnummer as given in a route or query (hyphen allowed), in the 12-digit form the hub stores and audits.</summary>
    public static string? PersonnummerDigits(string? value) => value?.Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>A 400 unless <paramref name="value"/> is within 1..<paramref name="max"/>.</summary>
    public static ProblemHttpResult? CheckRange(string name, int? value, int min, int max) =>
        value is { } v && (v < min || v > max)
            ? Problems.InvalidParameter(name, "range", $"{name} must be between {min} and {max}.")
            : null;

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex KommunkodPattern();
}
