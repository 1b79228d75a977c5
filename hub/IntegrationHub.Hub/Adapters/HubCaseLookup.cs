using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Adapters;

/// <summary>Answers adapters' questions about known cases from the hub's store.</summary>
public sealed partial class HubCaseLookup(IHubStore store) : ICaseLookup
{
    /// <inheritdoc />
    public async Task<Guid?> FindByDiarienummerAsync(string municipality, string diarienummer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(diarienummer);
        // Registrations are stored as formatted ("BN 2026/45"); people write "bn 2026/45" or "BN  2026/45".
        var normalised = Spaces().Replace(diarienummer.Trim(), " ").ToUpperInvariant();
        var found = await store.FindCasesAsync(new CaseQuery { Municipality = municipality, Diarienummer = normalised, Limit = 2 }, cancellationToken);
        return found.Count == 1 ? await ResolveAsync(municipality, found[0].Id, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<Guid?> ResolveAsync(string municipality, Guid hubCaseId, CancellationToken cancellationToken)
    {
        var found = await store.GetCaseAsync(hubCaseId, cancellationToken);
        if (found?.MergedInto is { } survivor)
        {
            found = await store.GetCaseAsync(survivor, cancellationToken);
        }

        return found is not null && found.Municipality == municipality ? found.Id : null;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();
}
