using System.Text.RegularExpressions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>Checks subscription requests; every failure names the field (as a JSON pointer) and the rule.</summary>
public static partial class SubscriptionRules
{
    private const int MaxListLength = 100;

    /// <summary>A 400 for a bad name, or null.</summary>
    public static ProblemHttpResult? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Problems.InvalidParameter("/name", "required", "Give the subscription a name (1–200 characters), e.g. \"Mina Sidor\".")
        : name.Length > 200 ? Problems.InvalidParameter("/name", "maxLength", "name is at most 200 characters.")
        : null;

    /// <summary>The filter, or a 400 naming the first bad entry.</summary>
    public static (SubscriptionFilter? Filter, ProblemHttpResult? Problem) ToFilter(FilterRequest? request)
    {
        var eventTypes = request?.EventTypes ?? [];
        var caseTypes = request?.CaseTypes ?? [];
        var units = request?.Units ?? [];
        var problem = CheckList("/filter/eventTypes", eventTypes, t => CaseEventTypes.All.Contains(t), "enum", "is not a known event type (se.sambruk.case.*)")
            ?? CheckList("/filter/caseTypes", caseTypes, CaseTypeKey().IsMatch, "pattern", "is not a case type key (lower-case letters, digits, hyphens)")
            ?? CheckList("/filter/units", units, UnitId().IsMatch, "pattern", "is not a unit id (letters, digits, . _ -, at most 50)");
        return problem is not null
            ? (null, problem)
            : (new SubscriptionFilter
            {
                EventTypes = [.. eventTypes.Distinct(StringComparer.Ordinal)],
                CaseTypes = [.. caseTypes.Distinct(StringComparer.Ordinal)],
                Units = [.. units.Distinct(StringComparer.Ordinal)],
                ClassificationCeiling = request?.ClassificationCeiling ?? DataClassification.Public,
            }, null);
    }

    private static ProblemHttpResult? CheckList(string pointer, IReadOnlyList<string> values, Func<string, bool> valid, string rule, string what)
    {
        if (values.Count > MaxListLength)
        {
            return Problems.InvalidParameter(pointer, "maxItems", $"{pointer} has at most {MaxListLength} entries.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !valid(values[i]))
            {
                return Problems.InvalidParameter($"{pointer}/{i}", rule, $"{pointer}/{i} {what}.");
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CaseTypeKey();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex UnitId();
}
